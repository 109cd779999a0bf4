"""Old home of the storages, kept only because applied migrations import these names from here
(``courses/migrations/0006``, ``courses/questions/migrations/0003``, ``cms/migrations/0003``).
The storages live in ``core.storage``."""

from core.storage import PrivateStorage, media_file_move

__all__ = ["PrivateStorage", "media_file_move"]
