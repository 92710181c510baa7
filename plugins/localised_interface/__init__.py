from .localised_interface import register

__all__ = ["register"]
