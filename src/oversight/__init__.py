"""Oversight: an open, evidence-linked observatory of AI-surveillance deployments.

    import oversight
    reg = oversight.open("var/oversight.db")
    reg.deployments(country="KEN")
"""

from oversight.app import Registry
from oversight.app import open_registry as open  # noqa: A001 - the documented entry point

__version__ = "0.1.0"
__all__ = ["Registry", "open", "__version__"]
