from .related_reports import register

__all__ = ["register"]
