"""clearance: an agent-agnostic auto mode for AI coding agents."""

__version__ = "0.1.0"

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .api import decide as decide
    from .model import Decision as Decision


def __getattr__(name: str) -> object:
    # Lazy, so that ``import clearance.hook`` stays lean.
    if name == "decide":
        from .api import decide

        return decide
    if name == "Decision":
        from .model import Decision

        return Decision
    raise AttributeError(name)
