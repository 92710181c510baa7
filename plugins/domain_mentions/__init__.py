from .domain_mentions import register

__all__ = ["register"]
