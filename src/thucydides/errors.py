"""The one error type a user should ever see: an input we could not use, and why."""

from __future__ import annotations


class InputError(Exception):
    """An input that cannot be processed; ``source`` names it, ``problem`` says why."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        """Rebuild from both fields, so errors cross process boundaries (worker pools, Ray)."""
        return (InputError, (self.source, self.problem))
