from .bylines import register

__all__ = ["register"]
