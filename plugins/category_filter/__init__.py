from .category_filter import register

__all__ = ["register"]
