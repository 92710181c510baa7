from .english_typography import register

__all__ = ["register"]
