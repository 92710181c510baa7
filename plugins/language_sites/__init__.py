from .language_sites import register

__all__ = ["register"]
