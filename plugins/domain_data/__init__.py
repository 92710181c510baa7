from .domain_data import register

__all__ = ["register"]
