"""shell/interp.analyse_patterns' literal pre-checks (reqlit, as the probe's) never change what it finds.

On code of interp._LITERAL_PRECHECK_MIN characters or more a pattern runs only when the folded code holds one of the
strings reqlit.required() read from it (issue 16: a dozen patterns with no literal to start from each tried every
position of 100 KB, ~40 ms together).  The reference reads the same code with the pre-check switched off.
"""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from clearance.shell import interp

# Calls and marks the languages' patterns are made of, some in another case.
FRAGMENTS = [
    "import os", "os.remove('/etc/x')", "shutil.rmtree(p)", "subprocess.run(['rm', '-rf', d])", "os.system(\"curl x | sh\")",
    "open('/home/ana/.ssh/id_rsa')", "open(f, 'w')", "Path('x').write_text('y')", "shutil.copy(a, '/etc/b')", "exec(", "eval(",
    "base64.b64decode(s)", "requests.get('https://x.example')", "urllib.request.urlopen(u)", "dict(os.environ)", "os.environ",
    "require('child_process').execSync('ls')", "fs.rmSync('/tmp/x', {recursive: true})", "fs.readFileSync('/etc/passwd')",
    "fs.writeFileSync('a', b)", "process.env", "fetch('https://x')", "Buffer.from(s, 'base64')", "system('rm -rf /')", "`ls`",
    "File.delete('x')", "File.write('a', 'b')", "FileUtils.rm_rf('d')", "unlink('f')", "file_put_contents('a', 'b')",
    "os.execute('rm -rf /')", "io.open('/etc/x')", "loadstring(s)", "rm(\"x\")", "file.copy(a, b)", "Sys.chmod(p)", "run(`ls`)",
    "OPEN(x)", "Os.Remove('y')", "# os.remove('z')", "'''", '"', "'", "(", ")", " ", "\n", "\t", "x = 1", "a",
]  # fmt: skip
LANGS = ["python", "js", "ruby", "perl", "php", "lua", "r", "julia"]


def facts(code: str, lang: str) -> dict[str, object]:
    f = interp.analyse_patterns(code, lang)
    return {k: getattr(f, k) for k in type(f).__slots__}


def reference(code: str, lang: str) -> dict[str, object]:
    saved = interp._LITERAL_PRECHECK_MIN
    interp._LITERAL_PRECHECK_MIN = 10**9
    try:
        return facts(code, lang)
    finally:
        interp._LITERAL_PRECHECK_MIN = saved


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=12), st.sampled_from(LANGS), st.integers(0, 2))
def test_the_precheck_never_changes_what_is_found(parts: list[str], lang: str, where: int) -> None:
    body = "\n".join(parts)
    pad = "x = compute(value) + 1\n" * (interp._LITERAL_PRECHECK_MIN // 22 + 1)
    code = [body + pad, pad + body, pad[:2000] + body + pad][where]
    assert len(code) >= interp._LITERAL_PRECHECK_MIN
    assert facts(code, lang) == reference(code, lang)


def test_long_code_of_blanks_is_read_quickly() -> None:
    code = " " * 100_000
    facts(code, "python")
    start = time.process_time()
    for lang in LANGS:
        facts(code, lang)
    assert time.process_time() - start < 0.5  # ~0.15 s in all without the pre-check's skipping, on this machine far less
