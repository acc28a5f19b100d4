"""Builds essnet._core with CMake (the pybind/cmake_example pattern), for pip install.

scikit-build-core is the modern choice but is not packaged for Debian 12, so setuptools drives the
CMake build here, in setuptools' build_temp (kept between installs from the source tree, so that
reinstalling after a small change rebuilds only what changed). The version is read from project()
in CMakeLists.txt, the one place it is written.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).parent.resolve()


class CMakeExtension(Extension):
    def __init__(self, name: str) -> None:
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    def build_extension(self, ext: CMakeExtension) -> None:
        output_dir = Path(self.get_ext_fullpath(ext.name)).parent.resolve()
        build_dir = Path(self.build_temp).resolve() / "cmake"
        build_dir.mkdir(parents=True, exist_ok=True)
        configure = [
            "cmake", "-S", str(ROOT), "-B", str(build_dir),
            "-DCMAKE_BUILD_TYPE=Release",
            f"-DPython_EXECUTABLE={sys.executable}",
            f"-DESSNET_PYTHON_OUTPUT_DIR={output_dir}",
            "-DESSNET_BUILD_PYTHON=ON",
            "-DESSNET_BUILD_TESTS=OFF",
            "-DESSNET_BUILD_BENCHMARKS=OFF",
            "-DESSNET_BUILD_CLI=OFF",
            "-DESSNET_BUILD_EXAMPLES=OFF",
        ]
        # The report's interactive map is bundled by esbuild (npm, installed by scripts/setup.sh);
        # without it, essnet.report writes reports without the interactive map.
        esbuild = ROOT / "src" / "report" / "web" / "node_modules" / ".bin" / "esbuild"
        map_on = _which("node") is not None and esbuild.exists()
        configure.append(f"-DESSNET_REPORT_MAP={'ON' if map_on else 'OFF'}")
        if os.environ.get("ESSNET_USE_OPENMP", "ON").upper() in ("0", "OFF", "FALSE"):
            configure.append("-DESSNET_USE_OPENMP=OFF")
        if not (build_dir / "CMakeCache.txt").exists():
            configure += ["-G", "Ninja"] if _has_ninja() else []
        subprocess.run(configure, check=True)
        jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL", "2")
        subprocess.run(["cmake", "--build", str(build_dir), "--target", "_core", "-j", jobs], check=True)


def _which(program: str):
    from shutil import which

    return which(program)


def _has_ninja() -> bool:
    return _which("ninja") is not None


def _version() -> str:
    text = (ROOT / "CMakeLists.txt").read_text()
    match = re.search(r"project\(essnet\s+VERSION\s+([0-9.]+)", text)
    if not match:
        raise RuntimeError("CMakeLists.txt: project(essnet VERSION x.y.z ...) not found")
    return match.group(1)


setup(version=_version(), ext_modules=[CMakeExtension("essnet._core")], cmdclass={"build_ext": CMakeBuild})
