"""Build hook: compile the optional C accelerator `dx_plan._speedups` into the wheel.

It speeds up the reader's row loop and the engine's counting (see
dx_plan/_speedups.c and bench/README.md).  When no C compiler is at hand, or
``DXPLAN_PURE_BUILD=1`` is set, the wheel is pure Python and dxplan runs the same,
only slower: a build never fails for want of the accelerator.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SOURCE = "dx_plan/_speedups.c"
MODULE = "dx_plan._speedups"


def compile_speedups(root: Path, out_dir: Path) -> Path:
    """Compile the extension with setuptools' build_ext; the path of the built module."""
    from setuptools import Distribution, Extension
    from setuptools.command.build_ext import build_ext

    ext = Extension(MODULE, [SOURCE], extra_compile_args=[] if os.name == "nt" else ["-O2"])
    dist = Distribution({"name": "dxplan-speedups", "ext_modules": [ext]})
    dist.script_name = "hatch_build.py"
    cmd = build_ext(dist)
    cmd.build_lib = str(out_dir)
    cmd.build_temp = str(out_dir / "temp")
    cwd = os.getcwd()
    os.chdir(root)  # build_ext resolves the source path from the current directory
    try:
        cmd.ensure_finalized()
        cmd.run()
    finally:
        os.chdir(cwd)
    return Path(cmd.get_ext_fullpath(MODULE))


class SpeedupsBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Adds the compiled accelerator to wheels (and editable installs) when it builds."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Compile; on success mark the wheel platform-specific and include the module."""
        if self.target_name != "wheel" or os.environ.get("DXPLAN_PURE_BUILD", "") not in ("", "0"):
            return
        root = Path(self.root)
        self._tmp = tempfile.mkdtemp(prefix="dxplan-build-")
        try:
            built = compile_speedups(root, Path(self._tmp))
        except Exception as exc:  # any failure (no compiler, no headers) means "no accelerator"
            print(f"dxplan: the C accelerator was not built ({type(exc).__name__}: {exc}); "
                  "the wheel is pure Python", file=sys.stderr)
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        if version != "editable":
            build_data["force_include"][str(built)] = f"dx_plan/{built.name}"
        # Also beside the sources (gitignored), like `build_ext --inplace`: an editable
        # install imports from there, and so does pytest run from a checkout after
        # `pip install .` (its rootdir comes first on sys.path).
        try:
            shutil.copyfile(built, root / "dx_plan" / built.name)
        except OSError as exc:
            if version == "editable":
                raise
            print(f"dxplan: could not copy the accelerator into the source tree ({exc})",
                  file=sys.stderr)

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """Remove the temporary build directory."""
        tmp = getattr(self, "_tmp", None)
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
