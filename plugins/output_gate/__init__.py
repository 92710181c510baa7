from .output_gate import register

__all__ = ["register"]
