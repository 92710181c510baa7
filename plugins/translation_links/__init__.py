from .translation_links import register

__all__ = ["register"]
