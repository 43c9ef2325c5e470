"""Writing a file so that readers see the old or the new content, never half of it."""

from __future__ import annotations

import os


def atomic_write(path: str, data: str | bytes, dir_mode: int = 0o700) -> None:
    """Write *data* to *path* through a temporary file and a rename; create the folder if needed."""
    folder = os.path.dirname(path)
    if folder:
        os.makedirs(folder, mode=dir_mode, exist_ok=True)
    tmp = f"{path}.{os.getpid()}.tmp"
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with open(tmp, "wb") as f:
        f.write(raw)
    os.replace(tmp, path)
