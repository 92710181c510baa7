from .url_redirects import register

__all__ = ["register"]
