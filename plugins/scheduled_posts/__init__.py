from .scheduled_posts import register

__all__ = ["register"]
