from .build_speed import register

__all__ = ["register"]
