from .series_nav import register

__all__ = ["register"]
