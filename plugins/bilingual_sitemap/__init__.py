from .bilingual_sitemap import register

__all__ = ["register"]
