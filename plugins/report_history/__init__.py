from .report_history import register

__all__ = ["register"]
