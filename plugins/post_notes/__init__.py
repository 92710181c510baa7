from .post_notes import register

__all__ = ["register"]
