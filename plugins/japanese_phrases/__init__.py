from .japanese_phrases import register

__all__ = ["register"]
