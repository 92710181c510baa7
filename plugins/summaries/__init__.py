from .summaries import register

__all__ = ["register"]
