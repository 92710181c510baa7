from .published_images import register

__all__ = ["register"]
