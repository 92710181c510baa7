from .translation_status import register

__all__ = ["register"]
