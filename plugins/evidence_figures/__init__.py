from .evidence_figures import register

__all__ = ["register"]
