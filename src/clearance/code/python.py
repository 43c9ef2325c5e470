"""Python code read with the standard ``ast`` module: what a one-liner or a project script does.

``analyse(code)`` parses the code and follows it by structure, not by the look of its text:

- names: ``import shutil as s``, ``from os import system as run``, ``import os.path``,
  ``from os import *``, ``__import__('os')``, ``importlib.import_module('subprocess')``,
  ``getattr(os, 'system')`` and plain re-binding (``r = shutil.rmtree``) all resolve to the
  qualified name of what is called;
- values: a name whose every binding gives the same value is replaced by it (constant
  propagation); strings are followed through ``+``, f-strings, ``%`` and ``.format``, paths
  through ``os.path.join``, ``expanduser``, ``abspath``, ``Path.home() / '.ssh'``,
  ``Path('~/x').expanduser()``, ``os.environ['HOME']`` and ``os.getenv('HOME')``; tuples and
  lists are kept as argv.  What is only known at run time becomes ``paths.DYN``;
- calls: deletions, writes (``open(p, 'w')``, ``os.open`` flags, pathlib methods, copies,
  moves, links, permission changes), reads, processes (their argv or command line, handed on
  to the shell analysis), network clients (with the URLs or hosts they reach), code run from
  strings (a literal string is read as code in turn), decoded payloads run, the whole
  environment taken (``dict(os.environ)``, ``os.environ.copy()``, ``{**os.environ}``).

A dangerous call whose arguments cannot be resolved is recorded so that it is asked about:
a deletion of ``None``, a process whose command is unread, a reason in ``facts.opaque``.

``None`` is returned when the code is not Python 3 (a ``SyntaxError``: Python 2, a fragment) or
too large to parse within the decision's budget; the caller then falls back to the pattern reading.
"""

from __future__ import annotations

import _ast as ast  # the node classes and the parser flag, without the ast module (3 ms with contextlib at import)

from .. import pathstr
from ..paths import DYN
from ..rules.gates import RUNNER_ENV_VARS
from ..shell.interp import CodeFacts, made_dir, made_link, shell_quote
from ..trust import url_host
from .values import is_secret, remote_shell

MAX_CHARS = 40_000  # beyond it (large project scripts) the pattern reading; 40 000 characters of dense code parse in ~55 ms
MAX_NODES = 40_000  # 40 000 characters of ordinary code are ~18 000 nodes, of `x=1` lines 30 000
MAX_FACTS = 256  # paths or commands of one kind judged one by one; more is a reason to ask
_MAX_TEXT = 4_096  # a value longer than this is only known at run time
_MAX_ITEMS = 256
# sh's module-level helpers that are not programs (sh.glob, sh.pushd, sh.contrib …).
_SH_HELPERS = frozenset({"glob", "pushd", "contrib", "which", "args"})
_MAX_DEPTH = 60  # nesting followed while evaluating one expression
_MAX_NESTED_CODE = 3
_MAX_ALTERNATIVES = 16  # values of a loop over a literal sequence judged one by one  # exec('...') inside exec('...')

# A value: ("s", text) string, ("p", text) pathlib path, ("r", qualified name) module/function/object,
# ("q", items) tuple or list, ("i", n) integer; None when only known at run time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    Value = tuple[Any, ...]

_DELETE_FIRST = frozenset({"shutil.rmtree", "os.remove", "os.unlink", "os.rmdir", "os.removedirs", "send2trash.send2trash", "send2trash"})
_PATH_DELETE = frozenset({"unlink", "rmdir"})
_TREE_DELETERS = frozenset({"rmtree", "remove_tree"})
# Other libraries' names for removing a tree (code/python._Reader.named_deleter).
_TREE_DELETER_NAMES = frozenset({"rm_tree", "rm_rf", "rmrf", "delete_tree", "delete_dir", "remove_dir_all", "rmtree_ignore_errors"})
_PATH_WRITE = frozenset({"write_text", "write_bytes", "touch", "mkdir", "chmod", "lchmod", "symlink_to", "hardlink_to", "link_to"})
_PATH_READ = frozenset({"read_text", "read_bytes"})
# Python's HTTP servers and the handler that serves the files of a directory (code/python._Reader.file_server).
_FILE_SERVERS = frozenset(
    {"http.server.test", "http.server.HTTPServer", "http.server.ThreadingHTTPServer", "socketserver.TCPServer", "socketserver.ThreadingTCPServer"}
)
# Calls that start a server on a port given as their own arguments (code/python._Reader.listen).
_LISTEN_CALLS = frozenset({"asyncio.start_server", "uvicorn.run", "aiohttp.web.run_app", "hypercorn.asyncio.serve", "waitress.serve", "bottle.run"})
# Methods of a socket, an event loop or a web application object that listen: `sock.bind((h, N))`,
# `loop.create_server(f, h, N)`, `app.run(port=N)`.
_LISTEN_METHODS = ("#bind", ".bind", "#create_server", ".create_server", "#run", "().run")
_FILE_HANDLERS = frozenset({"http.server.SimpleHTTPRequestHandler", "http.server.CGIHTTPRequestHandler"})
_OPENERS = frozenset({"open", "io.open", "codecs.open", "_io.open", "os.fdopen"})
# The standard library's other openers of the file their first argument names, with a mode (or dbm's flag) as an
# argument: qualified name -> (the mode's position or None when it has none, its keyword, the mode when none is given).
# gzip.open(P, 'wb'), tarfile.open(P, 'w'), zipfile.ZipFile(P, 'w'), shelve.open(P), logging.FileHandler(P) truncate or
# append to P as open(P, 'w') does (adversarial round 14a: each wrote an agent's settings unseen).
_MODE_OPENERS: dict[str, tuple[int | None, str, str]] = {
    **{q: (1, "mode", "rb") for q in ("gzip.open", "gzip.GzipFile", "bz2.open", "bz2.BZ2File", "lzma.open", "lzma.LZMAFile", "wave.open")},
    **{q: (1, "mode", "r") for q in ("tarfile.open", "tarfile.TarFile", "zipfile.ZipFile", "io.FileIO", "_io.FileIO")},
    **{q: (1, "flag", "c") for q in ("shelve.open", "dbm.dumb.open")},
    **{q: (1, "flag", "r") for q in ("dbm.open", "dbm.gnu.open", "dbm.ndbm.open", "dbm.sqlite3.open")},
    **{q: (1, "mode", "a") for q in ("logging.FileHandler", "logging.handlers.RotatingFileHandler", "logging.handlers.WatchedFileHandler")},
    "logging.handlers.TimedRotatingFileHandler": (None, "mode", "a"),
    "logging.basicConfig": (None, "filemode", "a"),
}
_COPIES = frozenset(
    {"shutil.copy", "shutil.copy2", "shutil.copyfile", "shutil.copytree", "shutil.copymode", "shutil.copystat", "distutils.file_util.copy_file"}
)
# mailbox's classes create the file or folder they are made on (create=True) when a message is added or flushed.
_MAILBOXES = frozenset({"mailbox.mbox", "mailbox.Maildir", "mailbox.MH", "mailbox.Babyl", "mailbox.MMDF"})
_MAILBOXES_CALLED = frozenset(m + "()" for m in _MAILBOXES)
# The keywords a library writer names its file with (code/python._Reader.named_writer).
_PATH_KEYWORDS = ("path_or_buf", "path", "fname", "filename", "file", "f", "excel_writer", "path_or_buffer", "filepath", "name")


# The verbs by which an object writes back to the file it was made on, given no file of their own
# (code/python._Reader.made_on): MozillaCookieJar(P).save(), ConfigObj(P).write(), pickledb.load(P).dump().
_SAVE_BACK = frozenset({"save", "write", "dump", "flush", "sync", "persist", "store", "commit", "write_file", "save_file"})
# Calls whose value is the path itself, not an object made on it (their methods are read as a path's).
_PATH_MAKERS = frozenset({"pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath", "str", "os.path.join", "os.path.expanduser"})


def _saves_back(method: str) -> bool:
    return method.lstrip("_") in _SAVE_BACK


def _path_like(text: str) -> bool:
    """A literal that names a file: a path or a name with an extension, one line, no spaces at its ends."""
    return bool(text) and "\n" not in text and text == text.strip() and ("/" in text or "." in text.lstrip(".") or text.startswith("~"))


_MOVES = frozenset({"shutil.move", "os.rename", "os.replace", "os.renames", "distutils.file_util.move_file"})
_LINKS = frozenset({"os.symlink", "os.link"})
# Calls that run code from a file, a module or a prompt the reader does not open (importlib's file loaders, runpy, code's REPLs).
_LOADERS = frozenset(
    {
        "runpy.run_path",
        "importlib.util.spec_from_file_location",
        "importlib.machinery.SourceFileLoader",
        "importlib.machinery.SourcelessFileLoader",
        "importlib.machinery.ExtensionFileLoader",
        "zipimport.zipimporter",
        "code.interact",
        "code.InteractiveConsole",
        "code.InteractiveInterpreter",
    }
)
# (and the calls that make a node at the path: a FIFO or device where a file clearance reads is, e.g. the project policy,
# leaves the hook waiting on its read until the agent times it out; round 13a)
_MODE_CHANGES = frozenset(
    {"os.chmod", "os.lchmod", "os.chown", "os.lchown", "shutil.chown", "os.truncate", "os.chflags", "os.lchflags", "os.mkfifo", "os.mknod"}
)
_WRITE_FLAGS = frozenset({"O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC", "O_APPEND", "O_EXCL"})
_READ_FLAGS = frozenset({"O_RDONLY", "O_CLOEXEC", "O_NONBLOCK", "O_NOFOLLOW", "O_DIRECTORY", "O_BINARY", "O_NOCTTY", "O_NOATIME"})
_WRITE_BITS = 0o3103  # O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND on Linux
# Process calls whose child reads this program's standard input unless the call says otherwise (stdin=, input=).
_INHERITING_CALLS = frozenset(
    {"subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output", "subprocess.Popen", "os.system", "pty.spawn"}
)
_PROCESS_FIRST = frozenset(
    {
        "subprocess.run",
        "subprocess.call",
        "subprocess.check_call",
        "subprocess.check_output",
        "subprocess.Popen",
        "subprocess.getoutput",
        "subprocess.getstatusoutput",
        "os.system",
        "os.popen",
        "pty.spawn",
        "commands.getoutput",
        "commands.getstatusoutput",
        "asyncio.create_subprocess_shell",
        "os.startfile",
    }
)
_CODE_RUNNERS = frozenset({"eval", "exec", "compile", "execfile"})
# Modules whose process calls the reader models itself (_PROCESS_FIRST, os.exec*, asyncio's subprocesses): their `run`
# is not a task library's runner (_Reader.named_runner), or `subprocess.run('sh', stdin=s)` would be read as a bare `sh`.
_MODELLED_PROCESS_MODULES = frozenset({"subprocess", "os", "asyncio", "pty", "commands"})
# What reads the process table, and the programs that print process ids (processes picked at run time: round 12d).
_PROCESS_TABLE = frozenset({"psutil.process_iter", "psutil.pids"})
_LISTERS = frozenset({"os.listdir", "os.scandir", "os.walk", "pathlib.Path", "glob.glob", "glob.iglob"})
_PROCESS_FINDERS = frozenset({"pgrep", "pidof", "ps"})
# psutil.Process methods that send a signal, with the signal's name (send_signal: its argument).
_PSUTIL_SIGNALS = {"suspend": "STOP", "kill": "KILL", "terminate": "TERM", "send_signal": ""}
_DYNAMIC_CALLS = frozenset(
    {"marshal.loads", "marshal.load", "pickle.loads", "pickle.load", "dill.loads", "types.FunctionType", "types.CodeType", "cloudpickle.loads"}
)
# The pickle family's loaders, whose data is judged by where it comes from (code/python._Reader.unpickle).
_UNPICKLERS = frozenset(
    {"pickle.load", "pickle.loads", "dill.load", "dill.loads", "cloudpickle.load", "cloudpickle.loads", "pandas.read_pickle", "joblib.load"}
)
# Loaders that unpickle a file they are given by its path (or an open file): pandas.read_pickle, joblib.load (round 16f:
# they were not read as unpicklers at all, a downloaded or /tmp file included).
_PATH_UNPICKLERS = frozenset({"pandas.read_pickle", "joblib.load"})
_DECODERS = frozenset(
    {
        "base64.b64decode",
        "base64.b32decode",
        "base64.b16decode",
        "base64.a85decode",
        "base64.b85decode",
        "base64.urlsafe_b64decode",
        "base64.standard_b64decode",
        "base64.decodebytes",
        "base64.decodestring",
        "codecs.decode",
        "binascii.unhexlify",
        "binascii.a2b_hex",
        "binascii.a2b_base64",
        "bytes.fromhex",
        "bytearray.fromhex",
        "zlib.decompress",
        "gzip.decompress",
        "bz2.decompress",
        "lzma.decompress",
        "marshal.loads",
    }
)
_NETWORK_MODULES = (
    "requests",
    "httpx",
    "urllib.request",
    "urllib2",
    "urllib3",
    "http.client",
    "httplib",
    "socket",
    "aiohttp",
    "ftplib",
    "smtplib",
    "poplib",
    "imaplib",
    "telnetlib",
    "paramiko",
    "websockets",
    "websocket",
    "xmlrpc.client",
    "pycurl",
    "asyncio.open_connection",
)
# Functions and methods that take the address they reach: (positional index, keyword names).
_DESTINATIONS: dict[str, tuple[int, tuple[str, ...]]] = {
    "get": (0, ("url",)),
    "post": (0, ("url",)),
    "put": (0, ("url",)),
    "patch": (0, ("url",)),
    "delete": (0, ("url",)),
    "head": (0, ("url",)),
    "options": (0, ("url",)),
    "request": (1, ("url",)),
    "stream": (1, ("url",)),
    "urlopen": (0, ("url",)),
    "urlretrieve": (0, ("url",)),
    "Request": (0, ("url",)),
    "connect": (0, ("address", "hostname", "host", "uri")),
    "create_connection": (0, ("address",)),
    "open_connection": (0, ("host",)),
    "HTTPConnection": (0, ("host",)),
    "HTTPSConnection": (0, ("host",)),
    "SMTP": (0, ("host",)),
    "SMTP_SSL": (0, ("host",)),
    "FTP": (0, ("host",)),
    "FTP_TLS": (0, ("host",)),
    "Telnet": (0, ("host",)),
    "ServerProxy": (0, ("uri",)),
    "ws_connect": (0, ("url",)),
    "create_connection_ws": (0, ("url",)),
    "sendto": (1, ("address",)),
}
# Calls that only fetch their URL (GET, HEAD), the options that change nothing sent, and what reads their response.
_FETCHES = frozenset({"get", "head", "urlopen"})
_FETCH_OPTIONS = frozenset({"timeout", "verify", "allow_redirects", "follow_redirects", "stream"})
_RESPONSE_READS = frozenset(
    {"read", "json", "raise_for_status", "iter_content", "iter_lines", "decode", "close", "getcode", "geturl", "info", "readlines", "readline"}
)
_RESPONSE_PARTS = _RESPONSE_READS | {"text", "content", "status_code", "status", "headers", "ok", "reason", "url", "encoding", "code"}


def _fetched(q: str) -> bool:
    """`requests.get().text`, `urlopen().read`: a part of the response a fetch returned."""
    owner, _, last = q.rpartition(".")
    return last in _RESPONSE_PARTS and owner.endswith("()") and owner[:-2].rsplit(".", 1)[-1].split("#")[-1] in _FETCHES


def _literal(node: ast.AST, depth: int = 0) -> bool:
    """A constant, or a dict, list or tuple of constants (a literal headers= argument)."""
    if depth > 8:
        return False
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Dict):
        return all(k is not None and _literal(k, depth + 1) for k in node.keys) and all(_literal(v, depth + 1) for v in node.values)
    if isinstance(node, (ast.List, ast.Tuple)):
        return all(_literal(e, depth + 1) for e in node.elts)
    return False


# Objects made without an address that reach one per call (a session, a client, a socket).
_CLIENTS = frozenset(
    {
        "requests.Session",
        "requests.session",
        "httpx.Client",
        "httpx.AsyncClient",
        "aiohttp.ClientSession",
        "socket.socket",
        "paramiko.SSHClient",
        "urllib.request.build_opener",
        "urllib3.PoolManager",
    }
)
_NOT_NETWORK = frozenset({"gethostname", "getfqdn", "timeout", "error", "gaierror", "herror", "exceptions", "codes", "compat", "utils", "status_codes"})
# os.environ uses that read one variable, test for one, or change the environment.
_ENV_SINGLE = frozenset({"get", "setdefault", "pop", "__getitem__", "__setitem__", "__delitem__", "__contains__", "update", "keys", "putenv", "unsetenv"})
_ALIASES = (
    ("posixpath", "os.path"),
    ("ntpath", "os.path"),
    ("posix", "os"),
    ("nt", "os"),
    ("builtins", ""),
    ("__builtins__", ""),
    ("_io", "io"),
    ("pathlib.PosixPath", "pathlib.Path"),
    ("pathlib.WindowsPath", "pathlib.Path"),
    ("pathlib.PurePath", "pathlib.Path"),
    ("pathlib.PurePosixPath", "pathlib.Path"),
    ("io.open", "open"),
)
# The standard streams' descriptors by name (os.dup2(s.fileno(), sys.stdin.fileno())).
_STDIO_FILENOS = frozenset(("r", f"sys.{n}.fileno()") for n in ("stdin", "stdout", "stderr", "__stdin__", "__stdout__", "__stderr__"))
# Keywords of a request that carry credentials used as such (a token in a header), not data sent.
_ENV_READS = frozenset({"os.getenv", "os.environ.get", "os.environ.__getitem__"})
_CREDENTIAL_KEYWORDS = frozenset({"headers", "auth", "cookies", "cert", "proxies", "timeout", "verify"})
# Calls that make a network socket (os.dup2 of its descriptor onto 0-2 wires it to a child's standard streams).
_SOCKET_MAKERS = frozenset({"socket.socket", "socket.create_connection", "socket.fromfd", "ssl.wrap_socket", "ssl.SSLContext().wrap_socket"})
_NATIVE = frozenset(
    f"ctypes.{n}" for n in ("CDLL", "cdll", "PyDLL", "pydll", "WinDLL", "windll", "LibraryLoader", "CFUNCTYPE", "PYFUNCTYPE", "cast", "memmove", "pythonapi")
) | {"cffi.FFI"}
_HOME_VARIABLES = frozenset({"HOME", "USERPROFILE"})
TILDE = "~"  # the third item of a string or path value written with a leading `~` nothing has expanded (_path)
# stat's permission bits (os.chmod's mode built from them).
_STAT_BITS = {
    **{"S_ISUID": 0o4000, "S_ISGID": 0o2000, "S_ISVTX": 0o1000, "S_IRWXU": 0o700, "S_IRUSR": 0o400, "S_IWUSR": 0o200, "S_IXUSR": 0o100},
    **{"S_IRWXG": 0o70, "S_IRGRP": 0o40, "S_IWGRP": 0o20, "S_IXGRP": 0o10, "S_IRWXO": 0o7, "S_IROTH": 0o4, "S_IWOTH": 0o2, "S_IXOTH": 0o1},
    **{"S_IREAD": 0o400, "S_IWRITE": 0o200, "S_IEXEC": 0o100},
}
# Objects a native library's functions are reached through: ctypes.CDLL(None), cdll.LoadLibrary('libc.so.6'), cffi's
# FFI().dlopen(None) (round 16: `ctypes.CDLL(None).system(b'rm -rf ~')` was only "calls native functions").
_LIBRARIES = frozenset(
    {
        "ctypes.CDLL()",
        "ctypes.PyDLL()",
        "ctypes.cdll.LoadLibrary()",
        "ctypes.pydll.LoadLibrary()",
        "ctypes.LibraryLoader().LoadLibrary()",
        "ctypes.cdll.msvcrt",
        "ctypes.cdll.libc",
        "cffi.FFI().dlopen()",
    }
)
# C library functions that do what the os function of the same name does (their arguments are the same, bytes for str),
# judged as that call; and those that touch no file, process or network (libm's and libc's pure functions, ids, time).
_LIBC = {
    **{n: f"os.{n}" for n in ("system", "popen", "unlink", "remove", "rmdir", "chmod", "lchmod", "chown", "lchown", "truncate", "rename")},
    **{n: f"os.{n}" for n in ("symlink", "link", "kill", "killpg", "mkdir", "execv", "execve", "execvp", "execvpe", "execl", "execlp", "execle")},
    "fopen": "open",
}
_LIBC_INERT = frozenset(
    {
        *("getpid", "getppid", "getuid", "geteuid", "getgid", "getegid", "getpgrp", "time", "clock", "sleep", "usleep"),
        *("strlen", "strcmp", "strncmp", "strcasecmp", "printf", "puts", "atoi", "atol", "atof", "strtol", "strtod", "rand", "srand"),
        *("abs", "labs", "sqrt", "cbrt", "pow", "exp", "exp2", "log", "log2", "log10", "sin", "cos", "tan", "asin", "acos", "atan"),
        *("atan2", "sinh", "cosh", "tanh", "floor", "ceil", "fabs", "fmod", "round", "trunc"),
        *("sysconf", "getpagesize", "isatty", "getenv", "gethostname", "uname"),
    }
)


# The syntax trees of the last sources compiled, by source: code/membomb.py reads the one-liner analyse() read (a
# second compile of 40 000 characters took ~40 ms). A few kept: the code and those nested in it.
_TREES: dict[str, Any] = {}


def syntax_tree(code: str) -> Any:
    """The syntax tree of *code* (at most MAX_CHARS characters), or None when it is not Python 3. Nodes are never changed."""
    got = _TREES.get(code, _TREES)
    if got is not _TREES:
        return got
    try:
        got = compile(code, "<code>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)  # what ast.parse does
    except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
        got = None
    if len(_TREES) >= 4:
        _TREES.clear()
    _TREES[code] = got
    return got


def analyse(code: str, depth: int = 0) -> CodeFacts | None:
    """Facts about *code*, or None when it is not Python 3 or too large to read here."""
    if len(code) > MAX_CHARS:
        return None
    tree = syntax_tree(code)
    if tree is None:
        return None
    nodes = _walk(tree, MAX_NODES)
    if nodes is None:
        return None
    facts = CodeFacts("python")
    facts.parsed = True
    facts.sends = False
    _Reader(nodes, facts, depth).run()
    _cap(facts)
    return facts


def _cap(f: CodeFacts) -> None:
    """At most MAX_FACTS of each list: the rules judge what is kept, and the rest is asked about."""
    over = [what for what, xs in (("deletions", f.deletes), ("writes", f.writes), ("reads", f.reads), ("commands", f.shell)) if len(xs) > MAX_FACTS]
    if not over:
        return
    f.deletes, f.writes, f.reads, f.shell = f.deletes[:MAX_FACTS], f.writes[:MAX_FACTS], f.reads[:MAX_FACTS], f.shell[:MAX_FACTS]
    f.urls, f.opaque = f.urls[:MAX_FACTS], f.opaque[:MAX_FACTS]
    f.opaque.append(f"makes more than {MAX_FACTS} {' and '.join(over)}; clearance judged the first {MAX_FACTS} of each")


_ALIAS_TOPS = frozenset(old.split(".", 1)[0] for old, _ in _ALIASES)


def _normalise(q: str) -> str:
    if q.split(".", 1)[0] not in _ALIAS_TOPS:
        return q
    for old, new in _ALIASES:
        if q == old and not new:
            return q  # the builtins module itself; its attributes are the builtins
        if q == old or q.startswith(old + "."):
            rest = q[len(old) :]
            return (new + rest) if new else rest.lstrip(".")
    return q


# Data a network peer sent (sock.recv), followed through decoding, stripping, splitting and slicing: run as a
# command or as code, it makes the machine a remote shell. Its own kind of value, never a string.
RECEIVED: Value = ("n", "received")
_RECEIVE = frozenset({"recv", "recvfrom", "recv_bytes"})
_KEEPS_CONTENT = frozenset(
    {"decode", "encode", "strip", "rstrip", "lstrip", "lower", "upper", "split", "splitlines", "replace", "format", "rsplit", "partition"}
)


def _received(v: Value | None) -> bool:
    """Whether *v* is data a network peer sent: RECEIVED, or an object reference built on a receive call
    (``socket.socket().recv().decode().strip()``, the reader's name for what `s.recv(n).decode().strip()` returns)."""
    if v is None:
        return False
    if v == RECEIVED:
        return True
    if v[0] == "r":
        return any(f".{m}()" in str(v[1]) for m in _RECEIVE)
    return v[0] == "q" and any(_received(x) for x in v[1])


def _downloaded(v: Value | None) -> bool:
    """Whether *v* is what a network call returned (urlopen(u).read(), requests.get(u).text): code or commands from elsewhere."""
    if v is None or v[0] != "r" or "(" not in str(v[1]):
        return False
    return _network(str(v[1]).split("(", 1)[0])


_BASE64 = {
    "base64.b64decode": "b64decode",
    "base64.standard_b64decode": "b64decode",
    "base64.decodebytes": "b64decode",
    "base64.decodestring": "b64decode",
    "binascii.a2b_base64": "b64decode",
    "base64.urlsafe_b64decode": "urlsafe_b64decode",
    "base64.b32decode": "b32decode",
    "base64.b16decode": "b16decode",
    "base64.a85decode": "a85decode",
    "base64.b85decode": "b85decode",
}


def _decoded(q: str, texts: list[str | None], encoding: str | None) -> str | None:
    """What a decoding call gives for a literal argument (base64, hex, rot13, zlib), as text; None when unknown."""
    data = texts[0] if texts else None
    if data is None or DYN in data or len(data) > _MAX_TEXT:
        return None
    try:
        if q in _BASE64:
            import base64

            out: bytes = getattr(base64, _BASE64[q])(data.encode("latin-1"))
        elif q in ("binascii.unhexlify", "binascii.a2b_hex", "bytes.fromhex", "bytearray.fromhex"):
            out = bytes.fromhex(data)
        elif q == "codecs.decode":
            how = (texts[1] if len(texts) > 1 else encoding) or "utf-8"
            if how.lower().replace("-", "_") not in ("rot13", "rot_13"):
                return None
            import codecs

            return str(codecs.decode(data, "rot13"))
        elif q == "zlib.decompress":
            import zlib

            out = zlib.decompressobj().decompress(data.encode("latin-1"), _MAX_TEXT)
        else:
            return None
    except Exception:  # binascii.Error, zlib.error, ValueError: not a literal that decodes, so its value is unknown
        return None
    return out.decode("latin-1")


def _text(v: Value | None) -> str | None:
    if v is not None and v[0] in ("s", "p"):
        return str(v[1])
    if v is not None and v[0] == "i":
        return str(v[1])
    return None


def _path(v: Value | None) -> str | None:
    """The file a path value names for a call that does not expand `~` (open, os and shutil functions, pathlib without
    expanduser()): a literal that starts with `~` (TILDE) is a folder of that name where the code runs (round 16:
    open('~/.bashrc', 'w') writes ./~/.bashrc, or fails; only os.path.expanduser and Path.expanduser() make it home)."""
    t = _text(v)
    if t is not None and v is not None and len(v) > 2 and v[2] == TILDE:
        return "./" + t
    return t


def _literal_tilde(t: str) -> Value:
    """A string literal: one that starts with `~` keeps that it was written so (see _path)."""
    return ("s", t, TILDE) if t.startswith("~") and len(t) <= _MAX_TEXT else _str(t)


def _argv_word(v: Value | None) -> str:
    """One argv item as a shell word: a literal `~…` (no shell expands an argv) quoted so that the shell reading keeps it."""
    t = _text(v)
    if t is None:
        return shell_quote(DYN)
    if _unexpanded(v):
        return "'" + t.replace("'", "'\\''") + "'"
    return shell_quote(t)


def _unexpanded(v: Value | None) -> bool:
    return v is not None and len(v) > 2 and v[2] == TILDE


def _str(t: str) -> Value:
    return ("s", t if len(t) <= _MAX_TEXT else DYN)


def _join(parts: list[str]) -> str:
    out = ""
    for p in parts:
        out = pathstr.join(out, p) if out else p
    return out or "."


# Fields that never hold a node the reader looks at: names, operators (read from their parent), markers.
_LEAF_FIELDS = frozenset(
    {"ctx", "id", "attr", "kind", "type_comment", "level", "module", "conversion", "op", "ops", "name", "names", "asname", "arg", "rest", "kwd_attrs", "tag"}
)
_FIELDS: dict[type, tuple[str, ...]] = {}


def _walk(tree: ast.AST, limit: int) -> list[ast.AST] | None:
    """Every node of *tree* that can hold code, in source order (depth first), or None past *limit* nodes
    (ast.walk is three times slower)."""
    out: list[ast.AST] = []
    stack = [tree]
    node_type = ast.AST
    constant = ast.Constant
    fields_of = _FIELDS
    while stack:
        node = stack.pop()
        out.append(node)
        cls = node.__class__
        fields = fields_of.get(cls)
        if fields is None:
            # Reversed, so that the stack gives the nodes in source order (what is capped is what comes last).
            fields = fields_of[cls] = () if cls is constant else tuple(f for f in reversed(cls._fields) if f not in _LEAF_FIELDS)
        for name in fields:
            v = getattr(node, name, None)
            if v.__class__ is list:
                for x in reversed(v):
                    if isinstance(x, node_type):
                        stack.append(x)
            elif isinstance(v, node_type):
                stack.append(v)
        if len(out) > limit:
            return None
    return out


_NETWORK_TOPS = frozenset(m.split(".", 1)[0] for m in _NETWORK_MODULES)


def _network(q: str) -> bool:
    if q.split(".", 1)[0] not in _NETWORK_TOPS or not any(q == m or q.startswith(m + ".") for m in _NETWORK_MODULES):
        return False
    last = q.rsplit(".", 1)[-1].rstrip("()")
    return "." in q and not last.startswith("__") and last not in _NOT_NETWORK and not last.isupper() and not last.endswith(("Error", "Exception"))


class _Reader:
    def __init__(self, nodes: list[ast.AST], facts: CodeFacts, depth: int) -> None:
        self.nodes = nodes
        self.by_type: dict[type, list[ast.AST]] = {}
        for node in nodes:
            self.by_type.setdefault(node.__class__, []).append(node)
        self.facts = facts
        self.depth = depth
        self.bindings: dict[str, list[object]] = {}
        self.stars: list[str] = []
        self.memo: dict[str, Value | None] = {}
        self.busy: set[str] = set()
        self.exempt_env: set[int] = set()
        self.decoders = False
        self.runs_built_code = False
        self.chdirs: list[str | None] = []
        self.alternatives: dict[str, tuple[Value | None, ...]] | None = None
        self.budget = 4 * MAX_NODES  # nodes walked to find which calls depend on a loop variable
        # Values assigned to a name (r = shutil.rmtree): followed where the name is used.
        self.aliased: set[int] = set()
        self.functions: dict[str, list[ast.FunctionDef]] = {}  # the code's own functions, by name (their returns are values)
        self.guarded: set[int] | None = None  # calls that run only when a condition holds (computed on first need)
        self.sockets = False  # the code makes a network socket (socket.socket, create_connection, ssl's wrappers)
        self.stdio_socket = False  # a socket's descriptor made a standard stream (os.dup2(s.fileno(), 0), Popen(stdin=s))
        self.listeners = 0  # lines of facts.shell that stand for a server's port (listen): no process the code starts
        self.scans_processes = False  # the code reads the process table (psutil.process_iter, psutil.pids, a listing of /proc)
        self.signals = False  # the code sends a signal (os.kill, psutil's suspend/kill/terminate/send_signal)
        self.enclosing: dict[int, list[tuple[ast.expr, bool]]] | None = None  # the tests each call runs under (tests_of)
        self.natives: bool | None = None  # every use of a native library is a call the reader knows (native_read)

    # --- bindings

    def _bind(self, name: str, source: object) -> None:
        self.bindings.setdefault(name, []).append(source)

    def of(self, *types: type) -> list[ast.AST]:
        """The nodes of the given types, in walk order (the walk is partitioned once by type)."""
        if len(types) == 1:
            return self.by_type.get(types[0], [])
        return [n for t in types for n in self.by_type.get(t, ())]

    def collect(self) -> None:
        handled: set[int] = set()
        for node in self.of(ast.Import):
            assert isinstance(node, ast.Import)
            for a in node.names:
                if a.asname:
                    self._bind(a.asname, ("imp", _normalise(a.name)))
                else:
                    top = a.name.split(".")[0]
                    self._bind(top, ("imp", _normalise(top)))
        for node in self.of(ast.ImportFrom):
            assert isinstance(node, ast.ImportFrom)
            module = node.module or ""
            for a in node.names:
                if a.name == "*":
                    if not node.level:
                        self.stars.append(_normalise(module))
                    continue
                self._bind(a.asname or a.name, ("imp", _normalise(f"{module}.{a.name}")) if not node.level else "other")
        for node in self.of(ast.Assign, ast.AnnAssign, ast.NamedExpr):
            assert isinstance(node, (ast.Assign, ast.AnnAssign, ast.NamedExpr))
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            value = node.value
            if value is None:
                continue
            for t in targets:
                if isinstance(t, ast.Name):
                    self._bind(t.id, value)
                    handled.add(id(t))
                    self.aliased.add(id(value))
                elif isinstance(t, (ast.Tuple, ast.List)) and isinstance(value, (ast.Tuple, ast.List)) and all(isinstance(e, ast.Name) for e in t.elts):
                    elts = t.elts
                    if len(elts) == len(value.elts) and not any(isinstance(e, ast.Starred) for e in (*elts, *value.elts)):
                        for e, v in zip(elts, value.elts):
                            if isinstance(e, ast.Name):
                                self._bind(e.id, v)
                                handled.add(id(e))
                elif isinstance(t, (ast.Tuple, ast.List)):
                    # a, b = where(); (a, b), c = ...; top, _ = pair: each name is its item of the value, when that is a sequence.
                    self._unpack(t, value, (), "elt", handled)
        for node in self.of(ast.For, ast.AsyncFor, ast.comprehension):
            assert isinstance(node, (ast.For, ast.AsyncFor, ast.comprehension))
            if isinstance(node.target, ast.Name):
                # for f in glob.glob('*.pyc'): the name stands for each file the iterable yields.
                self._bind(node.target.id, ("for", node.iter))
                handled.add(id(node.target))
            elif isinstance(node.target, (ast.Tuple, ast.List)):
                # for root, dirs, files in os.walk(TOP): root is TOP or a directory under it; dirs and files are names in root.
                walker = self.callee(node.iter.func, 0) if isinstance(node.iter, ast.Call) else None
                if (
                    (walker == "path#walk" or (walker == "os.walk" and node.iter.args))  # type: ignore[attr-defined]
                    and len(node.target.elts) == 3
                    and all(isinstance(e, ast.Name) for e in node.target.elts)
                ):  # type: ignore[attr-defined]
                    for i, e in enumerate(node.target.elts):
                        self._bind(e.id, ("walk", node.iter, i))  # type: ignore[attr-defined]
                        handled.add(id(e))
                else:
                    # for name, path in [(...), (...)], for i, p in enumerate([...]), for a, b in zip(X, Y): each name is its
                    # item of each element the loop takes.
                    self._unpack(node.target, node.iter, (), "forelt", handled)
        for node in self.of(ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.ExceptHandler, ast.MatchAs, ast.MatchStar):
            name = getattr(node, "name", None)
            if name:
                self._bind(name, "other")
                if isinstance(node, ast.FunctionDef) and not node.decorator_list:
                    self.functions.setdefault(name, []).append(node)
        handled |= self._parameters()
        for node in self.of(ast.arg):
            assert isinstance(node, ast.arg)
            if id(node) not in handled:
                self._bind(node.arg, "other")
        for node in self.of(ast.MatchMapping):
            assert isinstance(node, ast.MatchMapping)
            if node.rest:
                self._bind(node.rest, "other")
        for node in self.of(ast.Global, ast.Nonlocal):
            assert isinstance(node, (ast.Global, ast.Nonlocal))
            for n in node.names:
                self._bind(n, "other")
        load = ast.Load
        for node in self.of(ast.Name):
            assert isinstance(node, ast.Name)
            if node.ctx.__class__ is not load and id(node) not in handled:
                self._bind(node.id, "other")

    def _unpack(self, target: ast.Tuple | ast.List, source: ast.expr, path: tuple[int, ...], tag: str, handled: set[int]) -> None:
        if any(isinstance(e, ast.Starred) for e in target.elts):
            return
        for i, e in enumerate(target.elts):
            if isinstance(e, ast.Name):
                self._bind(e.id, (tag, source, (*path, i)))
                handled.add(id(e))
            elif isinstance(e, (ast.Tuple, ast.List)) and len(path) < 4:
                self._unpack(e, source, (*path, i), tag, handled)

    def loop_items(self, node: ast.expr, depth: int = 0) -> list[Value | None] | None:
        """The elements a loop over *node* takes, when they are known: a literal sequence (or a name bound to one),
        enumerate() and zip() of such sequences."""
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("enumerate", "zip") and node.args and not node.keywords:
            if node.func.id not in self.bindings and self.callee(node.func, depth + 1) in ("enumerate", "zip"):
                parts = [self.loop_items(a, depth + 1) for a in node.args[:4]]
                if any(x is None for x in parts):
                    return None
                out: list[Value | None] = []
                if node.func.id == "enumerate":
                    out += [("q", (("i", k), item)) for k, item in enumerate(parts[0] or [])]
                else:
                    out += [("q", tuple(col)) for col in zip(*[x or [] for x in parts])]
                return out[:_MAX_ITEMS]
        v = self.ev(node, depth + 1)
        if v is not None and v[0] == "q":
            return list(v[1])
        return None

    def returned(self, name: str, depth: int) -> Value | None:
        """What a call of the code's own function returns: the one value every `return` of it gives (its parameters as
        _parameters bound them), or None."""
        fns = self.functions.get(name, [])
        key = name + "()"
        if len(fns) != 1 or len(self.bindings.get(name, ())) != 1 or key in self.busy:
            return None
        if key in self.memo:
            return self.memo[key]
        self.busy.add(key)
        values: set[Value | None] = set()
        stack: list[ast.AST] = list(fns[0].body)
        seen = 0
        while stack and seen < 2_000 and len(values) < 2:
            n = stack.pop()
            seen += 1
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
                continue  # a nested function's returns are its own
            if isinstance(n, (ast.Yield, ast.YieldFrom)):
                values.update((None, ("r", "generator")))
            if isinstance(n, ast.Return):
                values.add(self.ev(n.value, depth + 1) if n.value is not None else None)
            for field in n._fields:
                v = getattr(n, field, None)
                if isinstance(v, list):
                    stack.extend(x for x in v if isinstance(x, ast.AST))
                elif isinstance(v, ast.AST) and not isinstance(v, ast.expr_context):
                    stack.append(v)
        self.busy.discard(key)
        found = values.pop() if len(values) == 1 and not stack else None
        self.memo[key] = found
        return found

    def _parameters(self) -> set[int]:
        """Parameters of module functions bound to what every call passes them (ids of the ast.arg nodes bound).

        ``def fetch(url, dest): open(dest, 'w')`` called as ``fetch(URL, '/usr/x.py')`` writes /usr/x.py. A parameter
        takes the argument expression of each call site (its default where a call leaves it out), so it resolves only
        when every call agrees; a function also used other than by calling it by name (a callback, a method, a
        decorator's target) or called with `*args`/`**kwargs` keeps unknown parameters, as before."""
        defs: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda]] = {}
        for node in self.of(ast.FunctionDef, ast.AsyncFunctionDef):
            assert isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
            defs.setdefault(node.name, []).append(node)
        for node in self.of(ast.Assign):
            # run = lambda p: shutil.rmtree(p): a function by another spelling, its parameters bound the same way
            assert isinstance(node, ast.Assign)
            if len(node.targets) == 1 and isinstance(node.targets[0], ast.Name) and isinstance(node.value, ast.Lambda):
                defs.setdefault(node.targets[0].id, []).append(node.value)
        if not defs:
            return set()
        calls: dict[str, list[ast.Call]] = {}
        for node in self.of(ast.Call):
            assert isinstance(node, ast.Call)
            if isinstance(node.func, ast.Name) and node.func.id in defs:
                calls.setdefault(node.func.id, []).append(node)
        loads: dict[str, int] = {}
        for node in self.of(ast.Name):
            assert isinstance(node, ast.Name)
            if node.id in defs and node.ctx.__class__ is ast.Load:
                loads[node.id] = loads.get(node.id, 0) + 1
        bound: set[int] = set()
        for fname, found in defs.items():
            sites = calls.get(fname, [])
            fn = found[0]
            a = fn.args
            if (
                len(found) != 1
                or not sites
                or loads.get(fname, 0) != len(sites)  # also used as a value: called with arguments we do not see
                or getattr(fn, "decorator_list", None)
                or a.vararg
                or a.kwarg
                or a.posonlyargs
                or a.kwonlyargs
                or any(isinstance(x, ast.Starred) for c in sites for x in c.args)
                or any(k.arg is None for c in sites for k in c.keywords)
                or len(sites) > 16
            ):
                continue
            params = a.args
            defaults: dict[str, ast.expr] = dict(zip([p.arg for p in params[len(params) - len(a.defaults) :]], a.defaults))
            for i, param in enumerate(params):
                sources: list[object] = []
                for c in sites:
                    kw = next((k.value for k in c.keywords if k.arg == param.arg), None)
                    given = c.args[i] if i < len(c.args) else kw if kw is not None else defaults.get(param.arg)
                    if given is None:
                        sources.append("other")
                    elif not (isinstance(given, ast.Name) and given.id == param.arg):  # f(url) inside: the same name
                        sources.append(given)
                for src in sources:
                    self._bind(param.arg, src)
                bound.add(id(param))
        return bound

    def name(self, n: str, depth: int = 0) -> Value | None:
        if n in self.memo:
            return self.memo[n]
        sources = self.bindings.get(n)
        if not sources:
            for m in self.stars:
                q = f"{m}.{n}"
                if q in _KNOWN:
                    return ("r", q)
            return ("r", _normalise(n))
        imports = {s[1] for s in sources if isinstance(s, tuple) and s[0] == "imp"}
        if len(imports) == 1:
            # `try: import shutil / except ImportError: shutil = None`: whatever else the name is bound to,
            # where it names a module it names this one (calls through it are judged as calls of that module).
            v = ("r", imports.pop())
            self.memo[n] = v
            return v
        if n in self.busy or "other" in sources or imports:
            return None
        self.busy.add(n)
        values: set[Value | None] = set()
        for s in sources[:8]:
            if isinstance(s, ast.AST):
                values.add(self.ev(s, depth))
            elif isinstance(s, tuple) and s[0] == "walk":
                values.add(self.walked(s[1], s[2], depth))
            elif isinstance(s, tuple) and s[0] == "elt":
                values.add(_index(self.ev(s[1], depth + 1), s[2]))
            elif isinstance(s, tuple) and s[0] == "forelt":
                items = self.loop_items(s[1], depth + 1)
                picked = {_index(x, s[2]) for x in items} if items else {None}
                values.add(picked.pop() if len(picked) == 1 else None)
            elif isinstance(s, tuple):
                values.add(self.element(s[1], depth))
            if len(values) > 1:
                break
        self.busy.discard(n)
        found = values.pop() if len(values) == 1 and len(sources) <= 8 else None
        self.memo[n] = found
        return found

    # --- values

    def walked(self, node: ast.Call, index: int, depth: int) -> Value | None:
        """What `for root, dirs, files in os.walk(TOP)` binds: root is TOP/** (TOP or any directory under it),
        dirs and files a list of names (each any name: *)."""
        if index:
            return ("q", (_str("*"),))
        if self.callee(node.func, depth + 1) == "os.walk":
            top = _text(self.ev(node.args[0], depth + 1))
        else:
            assert isinstance(node.func, ast.Attribute)
            top = _text(self.ev(node.func.value, depth + 1))  # Path(TOP).walk()
        if top is None:
            return None
        return _str(_join([top, "**"])) if self.callee(node.func, depth + 1) == "os.walk" else ("p", _join([top, "**"]))

    def element(self, node: ast.expr, depth: int) -> Value | None:
        """What a loop over *node* binds: a glob pattern for the files a directory listing or glob yields,
        the one value of a literal sequence that holds a single distinct one; None otherwise."""
        v = self.ev(node, depth + 1)
        if v is not None and v[0] == "q":
            items = set(v[1])
            return items.pop() if len(items) == 1 else None
        if not isinstance(node, ast.Call):
            return None
        q = self.callee(node.func, depth + 1)
        args, _, _ = self.args(node, depth + 1)
        first = _text(args[0]) if args else None
        if q in ("glob.glob", "glob.iglob"):
            return _str(first) if first is not None else None
        if q == "os.listdir":
            return _str("*")  # names, not paths: relative to the working directory unless joined
        if q in ("path#iterdir", "path#glob", "path#rglob") and isinstance(node.func, ast.Attribute):
            base = _text(self.ev(node.func.value, depth + 1))
            if base is None:
                return None
            pattern = "*" if q == "path#iterdir" else first if first is not None else DYN
            return ("p", _join([base, "**", pattern] if q == "path#rglob" else [base, pattern]))
        return None

    def ev(self, node: ast.AST, depth: int) -> Value | None:
        if depth > _MAX_DEPTH:
            return None
        d = depth + 1
        if isinstance(node, ast.Constant):
            c = node.value
            if isinstance(c, str):
                return _literal_tilde(c)
            if isinstance(c, bytes):
                return _literal_tilde(c.decode("latin-1"))
            if isinstance(c, int) and not isinstance(c, bool):
                return ("i", c)
            return None
        if isinstance(node, ast.Name):
            return self.name(node.id, d)
        if isinstance(node, ast.JoinedStr):
            out = []
            for part in node.values:
                if isinstance(part, ast.Constant) and isinstance(part.value, str):
                    out.append(part.value)
                elif isinstance(part, ast.FormattedValue):
                    t = _text(self.ev(part.value, d)) if part.conversion in (-1, 115) else None
                    out.append(t if t is not None else DYN)
            return _str("".join(out))
        if isinstance(node, ast.BinOp):
            return self.binop(node, d)
        if isinstance(node, ast.Attribute):
            base = self.ev(node.value, d)
            if base is None:
                return None
            if base[0] == "r":
                if base[1] == "stat" and node.attr in _STAT_BITS:
                    return ("i", _STAT_BITS[node.attr])  # os.chmod(p, stat.S_IRWXU | stat.S_IRGRP): the mode's bits
                if base[1] == "sys" and node.attr == "executable":
                    return _str("python3")  # the running interpreter: [sys.executable, '-m', 'pip', ...]
                if node.attr in ("__file__", "__path__") and str(base[1]).split(".", 1)[0] == "clearance":
                    return _own_module_file(str(base[1]), node.attr)
                return ("r", _normalise(f"{base[1]}.{node.attr}"))
            if base[0] == "p":
                return _path_attribute(str(base[1]), node.attr)
            return None
        if isinstance(node, ast.Call):
            if node.func.__class__ is ast.Name and node.func.id in self.functions:  # type: ignore[attr-defined]
                return self.returned(node.func.id, d)  # type: ignore[attr-defined]
            return self.call_value(node, d)
        if isinstance(node, ast.Subscript):
            return self.subscript(node, d)
        if isinstance(node, (ast.Tuple, ast.List)):
            items: list[Value | None] = []
            for e in node.elts[:_MAX_ITEMS]:
                if isinstance(e, ast.Starred):
                    v = self.ev(e.value, d)
                    if v is not None and v[0] == "q":
                        items.extend(v[1])
                    else:
                        items.append(None)
                else:
                    items.append(self.ev(e, d))
            return ("q", tuple(items))
        if isinstance(node, ast.IfExp):
            a, b = self.ev(node.body, d), self.ev(node.orelse, d)
            return a if a == b else None
        if isinstance(node, ast.Dict):
            # {'wipe': shutil.rmtree, 'home': '/home/ana'}: entries with literal keys (d['wipe'] is shutil.rmtree)
            entries: list[tuple[str, Value | None]] = []
            for key_node, value_node in zip(node.keys[:_MAX_ITEMS], node.values[:_MAX_ITEMS]):
                if key_node is None:
                    return None  # {**other}: entries the reader does not see
                key = _text(self.ev(key_node, d))
                if key is None:
                    return None
                entries.append((key, self.ev(value_node, d)))
            return ("d", tuple(entries))
        if isinstance(node, ast.NamedExpr):
            return self.ev(node.value, d)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            v = self.ev(node.operand, d)
            return ("i", -int(v[1])) if v is not None and v[0] == "i" else None
        return None

    def binop(self, node: ast.BinOp, d: int) -> Value | None:
        left, right = self.ev(node.left, d), self.ev(node.right, d)
        lt, rt = _text(left), _text(right)
        if isinstance(node.op, ast.Add):
            if left is not None and right is not None and left[0] == right[0] == "q":
                return ("q", (left[1] + right[1])[:_MAX_ITEMS])
            if lt is None and rt is None:
                return None
            joined = _str((lt if lt is not None else DYN) + (rt if rt is not None else DYN))
            return (*joined, TILDE) if _unexpanded(left) and joined[1].startswith("~") else joined
        if isinstance(node.op, ast.Div) and ((left is not None and left[0] == "p") or (right is not None and right[0] == "p")):
            made = ("p", _join([lt if lt is not None else DYN, rt if rt is not None else DYN]))
            return (*made, TILDE) if _unexpanded(left) and str(made[1]).startswith("~") else made
        if isinstance(node.op, ast.Mod) and left is not None and left[0] == "s":
            args = list(right[1]) if right is not None and right[0] == "q" else [right]
            return _str(_printf(str(left[1]), [_text(a) for a in args]))
        if isinstance(node.op, ast.BitOr) and left is not None and right is not None and left[0] == right[0] == "i":
            return ("i", int(left[1]) | int(right[1]))
        return None

    def subscript(self, node: ast.Subscript, d: int) -> Value | None:
        if _received(self.ev(node.value, d)):
            return RECEIVED  # data[4:], data.split()[0]: still what the peer sent
        base = self.ev(node.value, d)
        if base is None:
            return None
        key = self.ev(node.slice, d)
        if base[0] == "r":
            q = str(base[1])
            if q in ("os.environ", "os.environb"):
                return _env_value(_text(key))
            if q == "sys.modules" and key is not None and key[0] == "s":
                return ("r", _normalise(str(key[1])))
            if q == "__main__.__dict__" and key is not None and key[0] == "s":
                return self.name(str(key[1]), d)  # globals()['os'], globals()['__builtins__']
            if q.endswith(".__dict__") and key is not None and key[0] == "s":
                return ("r", _normalise(f"{q[: -len('.__dict__')]}.{key[1]}"))
            if q == "__dict__" and key is not None and key[0] == "s":
                return ("r", _normalise(str(key[1])))  # __builtins__.__dict__['__import__']: the builtins' own names
            return None
        if base[0] == "d" and key is not None:
            wanted = _text(key)
            found = [v for k, v in base[1] if k == wanted]
            return found[-1] if found else None
        if base[0] == "q" and key is not None and key[0] == "i":
            items = base[1]
            i = int(key[1])
            return items[i] if -len(items) <= i < len(items) else None
        return None

    def args(self, node: ast.Call, d: int) -> tuple[list[Value | None], dict[str, ast.expr], bool]:
        """Positional values, keyword nodes, and whether a starred argument hides some."""
        out: list[Value | None] = []
        starred = False
        for a in node.args[:_MAX_ITEMS]:
            if isinstance(a, ast.Starred):
                v = self.ev(a.value, d)
                if v is not None and v[0] == "q":
                    out.extend(v[1])
                else:
                    starred = True
                    out.append(None)
            else:
                out.append(self.ev(a, d))
        kw = {k.arg: k.value for k in node.keywords if k.arg}
        if any(k.arg is None for k in node.keywords):
            starred = True
        return out, kw, starred

    def arg(self, node: ast.Call, i: int, names: tuple[str, ...], d: int) -> tuple[bool, Value | None]:
        """(present, value) of the argument at position *i* or under one of *names*."""
        plain = [a for a in node.args]
        if i < len(plain) and not any(isinstance(a, ast.Starred) for a in plain[: i + 1]):
            return True, self.ev(plain[i], d)
        for k in node.keywords:
            if k.arg in names:
                return True, self.ev(k.value, d)
        if any(isinstance(a, ast.Starred) for a in plain) or any(k.arg is None for k in node.keywords):
            return True, None
        return False, None

    def callee(self, func: ast.expr, d: int) -> str | None:
        """The qualified name of what is called; ``path#m``/``str#m``/``?#m`` for methods of values."""
        f = self.ev(func, d)
        if f is not None and f[0] == "r":
            return str(f[1])
        if isinstance(func, ast.Attribute):
            base = self.ev(func.value, d)
            kind = "?" if base is None else {"p": "path", "s": "str", "q": "seq", "i": "int", "db": "db"}.get(base[0], "?")
            return f"{kind}#{func.attr}"
        return None

    def call_value(self, node: ast.Call, d: int) -> Value | None:
        q = self.callee(node.func, d)
        if q is None:
            return None
        if "#" in q:
            kind, method = q.split("#", 1)
            assert isinstance(node.func, ast.Attribute)
            if method in _RECEIVE:
                return RECEIVED  # sock.recv(n), conn.recvfrom(n): bytes a network peer sent
            base = self.ev(node.func.value, d)
            if base is None:
                return None
            if base == RECEIVED:
                return RECEIVED if method in _KEEPS_CONTENT else None
            return self.method_value(kind, method, base, node, d)
        if q in ("str", "bytes", "bytes.decode", "str.strip") and node.args and _received(self.ev(node.args[0], d)):
            return RECEIVED
        args, kw, _ = self.args(node, d)
        texts = [_text(a) for a in args]
        first = texts[0] if texts else None
        if q in ("os.path.join", "pathlib.Path", "pathlib.Path.joinpath"):
            parts = [t if t is not None else DYN for t in texts]
            joined = _join(parts) if parts else "."
            made = ("p", joined) if q.startswith("pathlib") else _str(joined)
            return (*made, TILDE) if _unexpanded(args[0] if args else None) and joined.startswith("~") else made
        if q in ("os.path.expanduser", "os.path.abspath", "os.path.realpath", "os.path.normpath", "os.fspath", "str", "os.fsdecode", "os.path.normcase"):
            if q == "str" and args and args[0] is not None and args[0][0] not in ("s", "p"):
                return None
            if first is not None and q != "os.path.expanduser" and _unexpanded(args[0]):
                return ("s", first, TILDE)  # abspath('~/x') is ./~/x: only expanduser makes it home
            return _str(first) if first is not None else (_str(DYN) if args else None)
        if q == "os.path.expandvars":
            return _str(_expandvars(first)) if first is not None else None
        if q in ("os.path.dirname", "os.path.basename"):
            if first is None:
                return None
            if DYN in first:
                return _str(DYN)
            return _str(pathstr.dirname(first) if q.endswith("dirname") else pathstr.basename(first))
        if q in ("os.getenv", "os.environ.get"):
            return _env_value(first)
        if q in ("os.getcwd", "os.getcwdb"):
            return _str(".")
        if q == "pathlib.Path.home":
            return ("p", "~")
        if q == "pathlib.Path.cwd":
            return ("p", ".")
        if q == "tempfile.gettempdir":
            return _str("/tmp")
        if q == "tempfile.mkdtemp":
            # A new directory named PREFIX + random letters in DIR: /tmp/tmpk3j2x by default.
            present, pre = self.arg(node, 1, ("prefix",), d)
            prefix = _text(pre) if present else "tmp"
            present, where = self.arg(node, 2, ("dir",), d)
            folder = _text(where) if present else "/tmp"
            return _str(pathstr.join(folder if folder is not None else DYN, (prefix if prefix is not None else "") + DYN))
        if q == "__import__":
            if first is None or DYN in first:
                return None
            return ("r", _normalise(first if "fromlist" in kw or len(args) >= 4 else first.split(".")[0]))
        if q == "importlib.import_module":
            if first is None or DYN in first or first.startswith("."):
                return None
            return ("r", _normalise(first))
        if q == "vars" and args and args[0] is not None and args[0][0] == "r":
            return ("r", f"{args[0][1]}.__dict__")  # vars(os)['system'] is os.__dict__['system']
        if q in ("globals", "locals", "vars") and not args:
            return ("r", "__main__.__dict__")  # the module's own names: its imports and the builtins
        if q == "getattr" and len(args) >= 2:
            obj, name = args[0], texts[1]
            if obj is None or name is None or DYN in name:
                return None
            if obj[0] == "r":
                return ("r", _normalise(f"{obj[1]}.{name}"))
            if obj[0] == "p":
                return _path_attribute(str(obj[1]), name)
            return None
        if q == "shlex.split" and first is not None:
            if any(c in first for c in "'\"\\"):
                return _str(first)
            return ("q", tuple(_str(w) for w in first.split()[:_MAX_ITEMS]))
        if q in ("list", "tuple") and args and args[0] is not None and args[0][0] == "q":
            return args[0]
        if q == "compile" and args and args[0] is not None and args[0][0] == "s" and DYN not in str(args[0][1]):
            return ("r", "compile()")  # the literal is read as code where compile is called
        if q in _DECODERS:
            decoded = _decoded(q, texts, _text(self.ev(kw["encoding"], d)) if "encoding" in kw else None)
            return _str(decoded) if decoded is not None else None
        if q in _CODE_RUNNERS:
            return None
        if q == "sqlite3.connect":
            # A database file: its .execute(sql) is what `sqlite3 FILE SQL` runs (an in-memory one holds nothing that lasts).
            return ("db", first if first is not None else DYN)
        return ("r", q + "()")

    def method_value(self, kind: str, method: str, base: Value, node: ast.Call, d: int) -> Value | None:
        args, kw, _ = self.args(node, d)
        texts = [_text(a) for a in args]
        if kind == "path":
            t = str(base[1])
            if method == "expanduser":
                return ("p", t)
            if method in ("resolve", "absolute"):
                return base  # Path('~/x').resolve() is ./~/x: only expanduser() makes it home
            if method == "joinpath":
                return ("p", _join([t, *[x if x is not None else DYN for x in texts]]), *base[2:3])
            if method in ("with_name", "with_suffix", "with_stem"):
                return ("p", _join([pathstr.dirname(t) if DYN not in t else DYN, DYN]))
            if method in ("as_posix", "__str__", "__fspath__"):
                return _str(t)
            return None
        if kind == "db":
            return base if method in ("cursor", "execute", "executescript", "executemany") else None
        if kind == "str":
            t = str(base[1])
            if method == "format":
                return _str(_format(t, [_text(a) for a in args], {k: _text(self.ev(v, d)) for k, v in kw.items()}))
            if method == "join" and args and args[0] is not None and args[0][0] == "q":
                return _str(t.join(_text(x) or DYN for x in args[0][1]))
            if method == "split" and not args:
                return ("q", tuple(_str(w) for w in t.split()[:_MAX_ITEMS]))
            if method in ("strip", "rstrip", "lstrip") and not args:
                return _str(getattr(t, method)())
            if method in ("encode", "decode"):
                return _str(t)
            if method == "replace" and len(texts) >= 2 and texts[0] is not None and texts[1] is not None:
                return _str(t.replace(texts[0], texts[1]))
            if method in ("lower", "upper"):
                return _str(getattr(t, method)())
            return None
        return None

    # --- effects

    def run(self) -> None:
        try:
            self.collect()
            for node in self.of(ast.Call):
                assert isinstance(node, ast.Call)
                self.call_each(node)
            self.references()
        except RecursionError:
            self.facts.opaque.append("is nested too deeply to follow")
        f = self.facts
        if self.signals and (self.scans_processes or any(line.split(" ", 1)[0] in _PROCESS_FINDERS for line in f.shell)):
            self.picked_processes()
        if self.chdirs:
            self.moved(set(self.chdirs))
        f.decoded_exec = f.decoded_exec or (self.runs_built_code and self.decoders)
        f.process = f.process or len(f.shell) > self.listeners or f.unread_process
        if remote_shell(f, self.stdio_socket and self.sockets):
            f.runs_received = True  # a connected socket is a shell's standard streams: a reverse shell
        elif self.sockets and f.unread_process:
            f.runs_received = True  # a raw socket, and a process whose command only run time knows: a command loop (see values.remote_loop)

    def process_call(self, node: ast.Call, q: str) -> None:
        """Calls that reach processes other than the code's own and its children (round 12d): the process table read,
        a signal sent, another process's resource limits set (`resource.prlimit(PID, …)`, psutil's `Process(PID).rlimit`:
        judged as `prlimit --pid PID`), a psutil process of a literal id stopped or killed (as `kill -SIG ID`)."""
        if q in _PROCESS_TABLE or (q in _LISTERS and (_text(self.arg(node, 0, ("path",), 0)[1]) or "").rstrip("/") == "/proc"):
            self.scans_processes = True
            return
        method = q.rsplit("#", 1)[-1].rsplit(".", 1)[-1] if ("#" in q or q.startswith("psutil.Process().")) else ""
        if q in ("os.kill", "os.killpg") or method in _PSUTIL_SIGNALS:
            sig = self.arg(node, 1, ("signal", "sig"), 0)[1] if q.startswith("os.") else None
            if method == "send_signal":
                sig = self.arg(node, 0, ("sig",), 0)[1]
            if sig != ("i", 0):  # signal 0 only asks whether the process is there
                self.signals = True
            if q.startswith("psutil.Process().") and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Call):
                pid = self.other_process(node.func.value.args[0] if node.func.value.args else None)
                name = _PSUTIL_SIGNALS[method] or (str(sig[1]).rsplit(".", 1)[-1].removeprefix("SIG") if sig is not None and sig[0] in ("r", "i") else None)
                if pid is not None and pid.isdigit() and name:
                    self.facts.shell.append(f"kill -{name} -- {pid}")
            return
        pid_node: ast.expr | None = None
        if q == "resource.prlimit" and len(node.args) >= 3:
            pid_node = node.args[0]
        elif q == "psutil.Process().rlimit" and len(node.args) >= 2 and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Call):
            pid_node = node.func.value.args[0] if node.func.value.args else None
        else:
            return
        pid = self.other_process(pid_node)
        if pid is not None:
            self.facts.shell.append(f"prlimit --pid {pid} --nofile=0")

    def other_process(self, pid: ast.expr | None) -> str | None:
        """The shell word for process id *pid* when it is neither the code's own (none, 0, os.getpid()) nor a child's
        (`p.pid`): its number, or "$PID" when only known at run time."""
        if pid is None or (isinstance(pid, ast.Attribute) and pid.attr == "pid"):
            return None
        if isinstance(pid, ast.Call) and self.callee(pid.func, 0) == "os.getpid":
            return None
        v = self.ev(pid, 0)
        if v is not None and v[0] == "i" and isinstance(v[1], int):
            return None if v[1] == 0 else str(v[1])
        return '"$PID"'

    def picked_processes(self) -> None:
        """The code reads the process table and sends signals: `pkill -f PATTERN` written in Python, with a pattern only
        known at run time, and each short string of the code as one (a pattern naming clearance, or one that reaches its
        running processes, is self.signal-clearance's)."""
        f = self.facts
        f.shell.append('pkill -STOP -f "$PATTERN"')
        words = [n.value for n in self.of(ast.Constant) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
        for w in list(dict.fromkeys(w for w in words if 2 < len(w) <= 200 and "\n" not in w and not w.startswith("-")))[:8]:
            f.shell.append("pkill -STOP -f '" + w.replace("'", "'\\''") + "'")

    def loop_alternatives(self) -> dict[str, tuple[Value | None, ...]]:
        """Loop variables over a literal sequence of several values: for p in ['a', 'b'] (each is judged)."""
        out: dict[str, tuple[Value | None, ...]] = {}
        for name, sources in self.bindings.items():
            src = sources[0]
            if len(sources) == 1 and isinstance(src, tuple) and src[0] in ("for", "forelt"):
                items = self.loop_items(src[1])
                if items is None:
                    continue
                if src[0] == "forelt":
                    items = [_index(x, src[2]) for x in items]
                if 1 < len(set(items)) <= _MAX_ALTERNATIVES:
                    out[name] = tuple(dict.fromkeys(items))
        return out

    def uses(self, node: ast.AST, names: dict[str, tuple[Value | None, ...]], depth: int = 0, seen: set[str] | None = None) -> str | None:
        """The first of *names* that *node* depends on, through the names its expressions use."""
        seen = set() if seen is None else seen
        nodes = _walk(node, 2_000) or ()
        self.budget -= len(nodes)
        if self.budget < 0:
            return None  # past the budget the loop variable stays unknown: the call is asked about
        for n in nodes:
            if n.__class__ is not ast.Name:
                continue
            ident = n.id  # type: ignore[attr-defined]
            if ident in names:
                return ident
            if ident in seen or depth >= 4:
                continue
            seen.add(ident)
            for src in self.bindings.get(ident, ())[:4]:
                if isinstance(src, ast.AST):
                    found = self.uses(src, names, depth + 1, seen)
                    if found is not None:
                        return found
        return None

    def call_each(self, node: ast.Call) -> None:
        """A call judged once, or once for each value of a loop variable it depends on."""
        if self.alternatives is None:
            self.alternatives = self.loop_alternatives()
        f = self.facts
        busy = len(f.deletes) + len(f.writes) + len(f.reads) + len(f.shell) > MAX_FACTS
        name = self.uses(node, self.alternatives) if self.alternatives and not busy else None
        if name is None:
            self.call(node)
            return
        saved = self.memo
        try:
            for item in self.alternatives[name]:
                self.memo = {**saved, name: item}
                self.call(node)
        finally:
            self.memo = saved

    def inplace(self, node: ast.Call) -> None:
        """fileinput.input(FILES, inplace=True): what the loop prints replaces each file read, so each is written."""
        # fileinput.input(files=None, inplace=False, backup='', *, …): inplace is the second argument.
        flag = node.args[1] if len(node.args) > 1 else next((k.value for k in node.keywords if k.arg == "inplace"), None)
        if flag is None or (isinstance(flag, ast.Constant) and not flag.value):
            return
        v = self.arg(node, 0, ("files",), 0)[1]
        items = v[1] if v is not None and v[0] == "q" and isinstance(v[1], tuple) else (v,)
        for item in items[:_MAX_ALTERNATIVES]:
            t = _text(item) if isinstance(item, tuple) else None
            self.facts.writes.append(t if t is not None else DYN)

    def call(self, node: ast.Call) -> None:
        line = self.library_command(node)
        if line is not None:
            self.facts.process = True
            self.facts.shell.append(line)
            return
        q = self.callee(node.func, 0)
        if q is None:
            return
        owner, _, function = q.rpartition(".")
        if owner in _LIBRARIES and function in _LIBC:
            q = _LIBC[function]  # libc's system(), unlink(), chmod() through ctypes or cffi: the os function of that name
        if q in ("threading.Thread", "multiprocessing.Process", "threading.Timer"):
            made = self.worker_call(node, q)
            if made is not None:
                self.call(made)
        if q in ("functools.partial()", "operator.methodcaller()", "operator.attrgetter()()"):
            made = self.bound_call(node)
            if made is not None:
                self.call(made)
                return
        f = self.facts
        for k in node.keywords:
            if k.arg == "env":
                self.exempt_env.update(id(n) for n in _walk(k.value, MAX_NODES) or ())
        if q in _DECODERS:
            self.decoders = True
        if q in _SOCKET_MAKERS:
            self.sockets = True
        elif q == "os.dup2" and len(node.args) >= 2 and self.socket_descriptor(node.args[0]):
            target = self.ev(node.args[1], 0)
            if target is None or target in (("i", 0), ("i", 1), ("i", 2)) or target in _STDIO_FILENOS:
                self.stdio_socket = True
        self.process_call(node, q)
        self.object_writer(node, q)
        if q in ("os.chdir", "os.fchdir"):
            t = _text(self.arg(node, 0, ("path",), 0)[1])
            self.chdirs.append(t if t is not None and not t.startswith(DYN) and q == "os.chdir" else None)
        if q in _LISTEN_CALLS or q.endswith(_LISTEN_METHODS):
            self.listen(node, q)
        if q in _DELETE_FIRST:
            self.delete(node, _target(self.arg(node, 0, ("path",), 0)[1]))
        elif "#" not in q and (self.named_deleter(node, q) or self.named_runner(node, q)):
            pass  # a library's tree remover or a task library's runner, by its name (fix16)
        elif q in ("fileinput.input", "fileinput.FileInput"):
            self.inplace(node)
        elif q in ("os.mkdir", "os.makedirs"):
            # a directory, judged as `mkdir x` (with a mode, as a write: `mkdir -m 777` is not an empty directory)
            where = _path(self.arg(node, 0, ("path", "name"), 0)[1])
            if where is not None:
                f.writes.append(where if self.arg(node, 1, ("mode",), 0)[0] else made_dir(where))
        elif "#" in q:
            self.method_call(q, node)
        elif q in _OPENERS:
            self.open_call(node, 1)
        elif q in _MODE_OPENERS:
            self.mode_open(node, q)
        elif q == "os.open":
            self.os_open(node)
        elif q in _FILE_SERVERS:
            self.listen(node, q)
            self.file_server(node, q)
        elif q in _LOADERS or q.endswith(".exec_module"):
            what = _text(self.arg(node, 0, ("path_name", "location", "path", "fullname", "name"), 0)[1])
            f.opaque.append(f"runs code clearance does not read ({q.rstrip('()')}{'' if what is None else ' ' + what})")
        elif q == "shutil.unpack_archive" or (q.endswith((".extractall", ".extract")) and q.split(".", 1)[0] in ("tarfile", "zipfile")):
            present, v = self.arg(node, 1 if q == "shutil.unpack_archive" else 0, ("extract_dir", "path"), 0)
            where = _text(v) if present else "."
            if where is None:
                f.opaque.append(f"unpacks an archive into a directory only known at run time ({q.rstrip('()')})")
            else:
                f.writes.append(where)
                archive = _text(self.arg(node, 0, ("filename",), 0)[1]) if q == "shutil.unpack_archive" else None
                opened = node.func.value if isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Call) else None
                if opened is not None and self.callee(opened.func, 0) in ("tarfile.open", "tarfile.TarFile", "zipfile.ZipFile"):
                    archive = _text(self.arg(opened, 0, ("name", "file"), 0)[1])  # `tarfile.open(A).extractall(D)`: A is listed
                # tarfile (and unpack_archive of a tar) before Python 3.14 writes a member's `..` or absolute name as it
                # is unless given filter='data' or 'tar'; zipfile drops them (adversarial round 20a)
                given = self.arg(node, 99, ("filter",), 0)[1]
                chosen = _text(given) or (
                    str(given[1]).rpartition(".")[2][:-7] if given is not None and given[0] == "r" and str(given[1]).endswith("_filter") else None
                )
                tar = q.startswith("tarfile") if q != "shutil.unpack_archive" else not (archive or "").lower().endswith(".zip")
                f.trees.append((where, archive, "archive-raw" if tar and chosen not in ("data", "tar") else "archive"))
        elif q in _COPIES or q in _MOVES or q in _LINKS:
            src = _path(self.arg(node, 0, ("src", "source"), 0)[1])
            dst = _path(self.arg(node, 1, ("dst", "destination", "dest"), 0)[1])
            if dst is not None:
                f.writes.append(dst)
                if src is not None and q in ("shutil.copy", "shutil.copy2", "shutil.move", "distutils.file_util.copy_file"):
                    # a folder as the destination: the file lands in it under its own name (`shutil.copy2('/tmp/settings.json',
                    # '~/.claude/')`; adversarial round 15a), as `cp SRC DIR` is read
                    f.writes.append(dst.rstrip("/") + "/" + src.rstrip("/").rpartition("/")[2])
                if q == "shutil.copytree":
                    f.trees.append((dst, src, "dir"))  # what src holds lands in dst itself (dirs_exist_ok: over what is there)
            if q in _LINKS:
                made_link(f, src, dst, q == "os.symlink")  # judged as `ln -s SRC DST`: where the link leads, too
            if src is not None and q in _COPIES:
                f.reads.append(src)
            elif src is not None and (q in _MOVES or q == "os.link"):
                f.writes.append(src)  # the old name changes too; a hard link is a second name to write the file through
                if q in _MOVES:
                    f.moved.append(src)
        elif q in _MODE_CHANGES:
            p = _path(self.arg(node, 0, ("path",), 0)[1])
            if p is not None and not (q in ("os.chmod", "os.lchmod") and self.mode_change(p, self.arg(node, 1, ("mode",), 0)[1])):
                f.writes.append(p)
        elif q in _PROCESS_FIRST:
            self.process(node, q)
        elif q in ("os.kill", "os.killpg") and len(node.args) >= 2:
            # os.kill(PID, sig) with a literal PID is `kill -SIG PID` (os.kill(-1, 9): every process the user may signal),
            # judged as typed; a PID only known at run time (a child's) is what scripts ordinarily signal.
            pid = self.ev(node.args[0], 0)
            sig = self.ev(node.args[1], 0)
            name = str(sig[1]).rsplit(".", 1)[-1].removeprefix("SIG") if sig is not None and sig[0] == "r" else _text(sig)
            if pid is not None and pid[0] == "i" and name is not None and name.isalnum():
                f.shell.append(f"kill -{name} -- {'-' if q == 'os.killpg' else ''}{pid[1]}")
        elif q.startswith(("os.exec", "os.spawn", "os.posix_spawn")) or q == "asyncio.create_subprocess_exec":
            self.exec_family(node, q)
        elif q in _CODE_RUNNERS:
            self.code_runner(node)
        elif q in _UNPICKLERS and self.unpickle(node, q):
            pass
        elif q in _DYNAMIC_CALLS or (q == "runpy.run_module" and _text(self.arg(node, 0, (), 0)[1]) is None):
            f.dynamic = True
            self.runs_built_code = True
        elif q in ("__import__", "importlib.import_module", "importlib.__import__"):
            name = _text(self.arg(node, 0, ("name",), 0)[1])
            if name is None or DYN in name:
                f.dynamic = True
        elif q == "getattr" and len(node.args) >= 2:
            obj = self.ev(node.args[0], 0)
            name = _text(self.ev(node.args[1], 0))
            if obj is not None and obj[0] == "r" and (name is None or DYN in name) and str(obj[1]).split(".", 1)[0] in _JUDGED_TOPS:
                f.dynamic = True  # getattr(os, name)(...): a judged module's function chosen at run time
        if _network(q):
            self.network_call(q, node)

    def worker_call(self, node: ast.Call, q: str) -> ast.Call | None:
        """Thread(target=f, args=(a,)) and Process(...) run f(a); Timer(s, f, args) the same after a delay."""
        kw = {k.arg: k.value for k in node.keywords if k.arg}
        target = kw.get("function" if q == "threading.Timer" else "target")
        if target is None and q == "threading.Timer" and len(node.args) >= 2:
            target = node.args[1]
        args = kw.get("args")
        if target is None or (args is not None and not isinstance(args, (ast.Tuple, ast.List))):
            return None
        self.aliased.add(id(target))  # judged here with its arguments
        extra = kw.get("kwargs")
        keywords = (
            [ast.keyword(arg=k.value, value=v) for k, v in zip(extra.keys, extra.values) if isinstance(k, ast.Constant) and isinstance(k.value, str)]
            if isinstance(extra, ast.Dict)
            else []
        )
        return ast.Call(func=target, args=list(args.elts) if args is not None else [], keywords=keywords)

    def file_server(self, node: ast.Call, q: str) -> None:
        """An HTTP server handing out files: `http.server.test(HandlerClass=SimpleHTTPRequestHandler)` or a server
        (HTTPServer, ThreadingHTTPServer, socketserver.TCPServer) built with SimpleHTTPRequestHandler, or a
        functools.partial of it with `directory=D`: judged as `python3 -m http.server --directory D` (net.serve-outside),
        in the directory the code moved to.  A handler of the code's own is its own business."""
        handler = self.arg(node, 0 if q == "http.server.test" else 1, ("HandlerClass", "RequestHandlerClass"), 0)
        expr = next((k.value for k in node.keywords if k.arg in ("HandlerClass", "RequestHandlerClass")), None)
        if expr is None:
            at = 0 if q == "http.server.test" else 1
            expr = node.args[at] if len(node.args) > at else None
        if expr is not None and expr.__class__ is ast.Name:
            sources = self.bindings.get(expr.id, [])  # type: ignore[attr-defined]
            expr = sources[0] if len(sources) == 1 and isinstance(sources[0], ast.expr) else expr
        directory: str | None = "."
        if isinstance(expr, ast.Call) and self.callee(expr.func, 0) == "functools.partial" and expr.args:
            if self.callee(expr.args[0], 0) not in _FILE_HANDLERS:
                return
            given = next((k.value for k in expr.keywords if k.arg == "directory"), None)
            directory = _text(self.ev(given, 0)) if given is not None else "."
        elif expr is None or self.callee(expr, 0) not in _FILE_HANDLERS:
            if not (expr is None and q == "http.server.test" and not handler[0]):
                return  # http.server.test() alone serves with SimpleHTTPRequestHandler too
        if directory is None or DYN in directory:
            self.facts.opaque.append(f"serves files from a directory only known at run time ({q})")
            return
        self.facts.shell.append("python3 -m http.server" + ("" if directory == "." else f" --directory {shell_quote(directory)}"))

    def listen(self, node: ast.Call, q: str) -> None:
        """A server the code starts on a literal TCP port -- `HTTPServer((host, N), H)`, `sock.bind((host, N))`,
        `asyncio.start_server(cb, host, N)`, `uvicorn.run(app, port=N)`, `app.run(port=N)`, `http.server.test(port=N)` --
        judged as `nc -l HOST N` (a listener on that port: self.forged-endpoint). A port known only at run time is none."""
        if (q in _FILE_SERVERS and q != "http.server.test") or q.endswith(("#bind", ".bind")):
            addr = self.arg(node, 0, ("server_address", "address"), 0)[1]
            items = addr[1] if addr is not None and addr[0] == "q" else None
            if not items or len(items) < 2:
                return
            host, port = _text(items[0]), items[1]
        else:
            hi, pi = (1, 2) if q == "asyncio.start_server" or q.endswith(("#create_server", ".create_server")) else (99, 99)
            host = _text(self.arg(node, hi, ("host", "bind"), 0)[1])
            port = self.arg(node, pi, ("port",), 0)[1]
        if port is None or port[0] != "i" or not isinstance(port[1], int) or not 0 < port[1] < 65536:
            return
        where = "" if host is None or DYN in host else host
        self.facts.shell.append(f"nc -l {shell_quote(where) + ' ' if where else ''}{port[1]}")
        self.listeners += 1

    def bound_call(self, node: ast.Call) -> ast.Call | None:
        """The call a callable built by functools.partial, operator.methodcaller or operator.attrgetter stands for:
        partial(f, a)(b) is f(a, b), methodcaller('m', a)(o) is o.m(a), attrgetter('m')(o)(a) is o.m(a).
        The maker is followed through one assigned name (p = partial(...); p())."""
        maker: ast.expr = node.func
        if maker.__class__ is ast.Call and maker.func.__class__ is ast.Call:  # type: ignore[attr-defined]
            getter, outer_args = maker.func, node  # type: ignore[attr-defined]
            inner: ast.Call = maker  # type: ignore[assignment]
            name = _text(self.ev(getter.args[0], 0)) if getter.args else None
            if name is None or DYN in name or not inner.args:
                return None
            return ast.Call(func=ast.Attribute(value=inner.args[0], attr=name, ctx=ast.Load()), args=outer_args.args, keywords=outer_args.keywords)
        if maker.__class__ is ast.Name:
            sources = self.bindings.get(maker.id, [])  # type: ignore[attr-defined]
            if len(sources) != 1 or not isinstance(sources[0], ast.Call):
                return None
            maker = sources[0]
        if not isinstance(maker, ast.Call) or not maker.args:
            return None
        q = self.callee(maker.func, 0)
        if q == "functools.partial":
            self.aliased.add(id(maker.args[0]))  # judged here with its arguments, not as a function handed on
            return ast.Call(func=maker.args[0], args=[*maker.args[1:], *node.args], keywords=[*maker.keywords, *node.keywords])
        if q == "operator.methodcaller" and node.args:
            name = _text(self.ev(maker.args[0], 0))
            if name is None or DYN in name:
                return None
            return ast.Call(func=ast.Attribute(value=node.args[0], attr=name, ctx=ast.Load()), args=maker.args[1:], keywords=maker.keywords)
        return None

    def delete(self, node: ast.Call, target: str | None) -> None:
        """A deletion; one of a wildcard's files that runs only under a condition (`if n.endswith('.orig')`)
        deletes the files the condition picks, not all of them. A condition that tests the deleted file's name
        (endswith, startswith, fnmatch, its suffix) is read as the wildcard it is (`**/*` under `n.endswith('.orig')`
        deletes `**/*.orig`, judged as `rm **/*.orig` typed; round 16); another keeps the whole wildcard as the files
        some condition picks (interp.opaque asks where deleting all of them would not be allowed)."""
        if target is not None and any(c in target for c in "*?[") and id(node) in self.conditional():
            picked = self.picked(node, target)
            if picked is None:
                self.facts.chosen_deletes.append(target)
            else:
                patterns, exact = picked
                (self.facts.deletes if exact else self.facts.chosen_deletes).extend(patterns)  # type: ignore[arg-type]
        else:
            self.facts.deletes.append(target)

    def picked(self, node: ast.Call, target: str) -> tuple[list[str], bool] | None:
        """The wildcards a deletion's conditions select among *target*'s last `*` (`dir/**/*` under `n.endswith('.pyc')`:
        `dir/**/*.pyc`) and whether they are exactly the files deleted (every condition read); None when no condition
        tests the deleted file's name."""
        folder, _, last = target.rpartition("/")
        if last != "*":
            return None
        if node.args:
            deleted: ast.expr | None = node.args[0]
        else:
            deleted = node.func.value if isinstance(node.func, ast.Attribute) else None  # Path(x).unlink()
        subject = self.leaf(deleted, 0) if deleted is not None else None
        if subject is None:
            return None
        patterns: list[str] | None = None
        exact = True
        for test, positive in self.tests_of().get(id(node), []):
            if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
                test, positive = test.operand, not positive
            got = self.name_test(test, subject, 0)
            if got is not None and not positive and got[1]:
                continue  # `if not n.endswith('.txt')`: every name but a few, as good as all of them
            if got is None or not positive:
                exact = False  # a test of something else: a pick this reading does not narrow
                continue
            alternatives, whole = got
            exact = exact and whole
            patterns = alternatives if patterns is None else _both(patterns, alternatives)
        if not patterns:
            return ([target], True) if exact else None
        return [(folder + "/" if folder or target.startswith("/") else "") + p for p in patterns[:8]], exact

    def leaf(self, node: ast.expr, depth: int) -> str | None:
        """The name a deleted path's last part is held in: `n` of os.path.join(root, n), root / n, Path(n), n."""
        if depth > 8:
            return None
        if isinstance(node, ast.Name):
            return node.id
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            return self.leaf(node.right, depth + 1)
        if isinstance(node, ast.Call) and node.args and not any(isinstance(a, ast.Starred) for a in node.args):
            q = self.callee(node.func, 0)
            if q in ("os.path.join", "pathlib.Path", "str", "os.fspath", "os.path.abspath") or (q or "").endswith("#joinpath"):
                return self.leaf(node.args[-1], depth + 1)
        return None

    def bare_name(self, name: str) -> bool:
        """Whether *name* only holds entries' names, no folder before them: os.walk's file and folder lists, os.listdir."""
        sources = self.bindings.get(name, [])
        return bool(sources) and all(
            isinstance(s, tuple)
            and ((s[0] == "walk" and s[2] in (1, 2)) or (s[0] == "for" and isinstance(s[1], ast.Call) and self.callee(s[1].func, 0) == "os.listdir"))
            for s in sources
        )

    def name_test(self, test: ast.expr, subject: str, depth: int) -> tuple[list[str], bool] | None:
        """The name wildcards *test* lets through for the entry held in *subject*, and whether that is all the test asks
        (a part of an `and` that tests something else leaves more than the wildcard says); None when it does not test
        the entry's name by a literal: `n.endswith(('.orig', '.rej'))` -> ['*.orig', '*.rej']; `p.suffix == '.pyc'`;
        fnmatch.fnmatch(n, '*.bak'); `n.startswith('tmp_')` (of a bare name) -> ['tmp_*']. A negation picks nothing."""
        if depth > 8:
            return None
        if isinstance(test, ast.BoolOp):
            parts = [self.name_test(v, subject, depth + 1) for v in test.values[:8]]
            if isinstance(test.op, ast.Or):
                if any(p is None for p in parts):
                    return None
                return [w for p in parts if p is not None for w in p[0]][:8], all(p is not None and p[1] for p in parts)
            read = [p for p in parts if p is not None]
            if not read:
                return None
            out = read[0][0]
            for p in read[1:]:
                out = _both(out, p[0])
            return out, len(read) == len(parts) and all(p[1] for p in read)
        bare = self.bare_name(subject)

        def entry(n: ast.expr, attrs: tuple[str, ...]) -> bool:
            if isinstance(n, ast.Name) and n.id == subject:
                return True
            if isinstance(n, ast.Attribute) and n.attr in attrs and isinstance(n.value, ast.Name) and n.value.id == subject:
                return True
            return isinstance(n, ast.Call) and self.callee(n.func, 0) == "os.path.basename" and len(n.args) == 1 and entry(n.args[0], ())

        def literals(n: ast.expr) -> list[str] | None:
            items = n.elts if isinstance(n, (ast.Tuple, ast.List, ast.Set)) else [n]
            out = [i.value for i in items[:8] if isinstance(i, ast.Constant) and isinstance(i.value, str)]
            ok = len(out) == len(items) and all(w and not any(c in w for c in "*?[]/") for w in out)
            return out if ok else None

        if isinstance(test, ast.Call) and isinstance(test.func, ast.Attribute) and test.func.attr in ("endswith", "startswith") and len(test.args) == 1:
            words = literals(test.args[0])
            base = test.func.value
            if words is None or not entry(base, ("name",)):
                return None
            if test.func.attr == "endswith":
                return ["*" + w for w in words], True
            named = isinstance(base, (ast.Attribute, ast.Call)) or bare
            return ([w + "*" for w in words], True) if named else None  # a path's start is its folder's, not the name's
        if isinstance(test, ast.Call) and len(test.args) == 2 and self.callee(test.func, 0) in ("fnmatch.fnmatch", "fnmatch.fnmatchcase"):
            pat = test.args[1]
            if not (isinstance(pat, ast.Constant) and isinstance(pat.value, str) and pat.value and "/" not in pat.value) or not entry(test.args[0], ("name",)):
                return None
            return ([pat.value], True) if pat.value.startswith("*") or bare or not isinstance(test.args[0], ast.Name) else None
        if isinstance(test, ast.Compare) and len(test.ops) == 1:
            left, right = test.left, test.comparators[0]
            if isinstance(left, ast.Constant):
                left, right = right, left
            op = test.ops[0]
            words = literals(right)
            if words is None or not isinstance(op, (ast.Eq, ast.In)) or (isinstance(op, ast.Eq) and len(words) != 1):
                return None
            if isinstance(left, ast.Attribute) and left.attr == "suffix" and entry(left.value, ()):
                return ["*" + w for w in words if w.startswith(".")] or None, True  # type: ignore[return-value]
            splitext = isinstance(left, ast.Subscript) and isinstance(left.value, ast.Call) and self.callee(left.value.func, 0) == "os.path.splitext"
            if splitext and isinstance(left, ast.Subscript) and isinstance(left.slice, ast.Constant) and left.slice.value == 1:
                call = left.value
                assert isinstance(call, ast.Call)
                if len(call.args) == 1 and entry(call.args[0], ("name",)):
                    return ["*" + w for w in words if w.startswith(".")] or None, True  # type: ignore[return-value]
        return None

    def tests_of(self) -> dict[int, list[tuple[ast.expr, bool]]]:
        """For each call under an `if` (statement, expression or comprehension clause): the tests it runs under, each
        with whether the call is in the branch the test passing takes. Bounded walk, computed once."""
        if self.enclosing is not None:
            return self.enclosing
        out: dict[int, list[tuple[ast.expr, bool]]] = {}
        budget = 2 * MAX_NODES
        for node in self.of(ast.If, ast.IfExp):
            branches = [(node.body, True), (node.orelse, False)]  # type: ignore[attr-defined]
            for branch, positive in branches:
                for part in branch if isinstance(branch, list) else [branch]:
                    inner = _walk(part, budget) or []
                    budget -= len(inner)
                    for n in inner:
                        if n.__class__ is ast.Call:
                            out.setdefault(id(n), []).append((node.test, positive))  # type: ignore[attr-defined]
            if budget <= 0:
                break
        for node in self.of(ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp):
            ifs = [t for g in node.generators for t in g.ifs]  # type: ignore[attr-defined]
            if not ifs:
                continue
            elts = [node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt]  # type: ignore[attr-defined]
            for e in elts:
                inner = _walk(e, budget) or []
                budget -= len(inner)
                for n in inner:
                    if n.__class__ is ast.Call:
                        out.setdefault(id(n), []).extend((t, True) for t in ifs)
        self.enclosing = out
        return out

    def conditional(self) -> set[int]:
        """Ids of the calls under an `if` (statement, expression or comprehension clause); bounded walk."""
        if self.guarded is not None:
            return self.guarded
        out: set[int] = set()
        budget = 2 * MAX_NODES
        for node in self.of(ast.If, ast.IfExp, ast.comprehension):
            if isinstance(node, ast.comprehension):
                continue
            parts = [*node.body, *node.orelse] if isinstance(node, ast.If) else [node.body, node.orelse]  # type: ignore[attr-defined]
            for part in parts:
                inner = _walk(part, budget) or []
                budget -= len(inner)
                out.update(id(n) for n in inner if n.__class__ is ast.Call)
            if budget <= 0:
                break
        for node in self.of(ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp):
            if any(g.ifs for g in node.generators):  # type: ignore[attr-defined]
                elts = [node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt]  # type: ignore[attr-defined]
                for e in elts:
                    inner = _walk(e, budget) or []
                    budget -= len(inner)
                    out.update(id(n) for n in inner if n.__class__ is ast.Call)
        self.guarded = out
        return out

    def _decodes(self, node: ast.Call) -> bool:
        t = _text(self.ev(node.args[0], 0)) if node.args else None
        return t is not None and "rot" in t.lower()

    def method_call(self, q: str, node: ast.Call) -> None:
        f = self.facts
        kind, method = q.split("#", 1)
        assert isinstance(node.func, ast.Attribute)
        base = self.ev(node.func.value, 0)
        target = _path(base) if kind == "path" else None
        if method in _PATH_DELETE and kind in ("path", "?"):
            self.delete(node, _target(base) if kind == "path" else None)
        elif kind == "db" and base is not None and method in ("execute", "executescript", "executemany"):
            sql = _text(self.arg(node, 0, ("sql", "sql_script"), 0)[1])
            where = str(base[1])
            if sql is not None and sql.strip() != DYN and where not in (":memory:", ""):
                self.facts.shell.append(f"sqlite3 {shell_quote(where)} {shell_quote(sql)}")  # judged as the sqlite3 shell runs it
        elif kind == "?" and method in _TREE_DELETERS:
            # x.rmtree(path) on an object the reader cannot name (a module passed as a parameter).
            self.delete(node, _target(self.arg(node, 0, ("path",), 0)[1]))
        elif kind != "path":
            if kind == "str" and method == "decode" and self._decodes(node):
                self.decoders = True
            return
        elif target is None:
            return
        elif method == "mkdir" and not self.arg(node, 0, ("mode",), 0)[0]:
            f.writes.append(made_dir(target))  # Path(x).mkdir(): a directory, judged as `mkdir x`
        elif method in ("chmod", "lchmod") and self.mode_change(target, self.arg(node, 0, ("mode",), 0)[1]):
            return
        elif method in _PATH_WRITE:
            f.writes.append(target)
            if method in ("hardlink_to", "link_to", "symlink_to"):
                other = _path(self.arg(node, 0, ("target",), 0)[1])
                if other is not None and method != "symlink_to":
                    f.writes.append(other)  # Path(x).hardlink_to(y): x is a second name of y
                # Path(x).symlink_to(y), hardlink_to(y): x leads to y; Path(y).link_to(x): x is a second name of y.
                if method == "link_to":
                    made_link(f, target, other, False)
                else:
                    made_link(f, other, target, method == "symlink_to")
        elif method in _PATH_READ:
            f.reads.append(target)
        elif method == "open":
            self.open_call(node, 0, target)
        elif method in ("rename", "replace", "move", "move_into"):
            f.writes.append(target)
            f.moved.append(target)  # Path(x).rename(y): x moves to y; Python 3.14's Path(x).move(y) too
            dst = _path(self.arg(node, 0, ("target", "target_dir"), 0)[1])
            if dst is not None:
                f.writes.append(dst if method != "move_into" else dst.rstrip("/") + "/" + target.rstrip("/").rpartition("/")[2])
        elif method in ("copy", "copy_into") and node.args:
            # Python 3.14's Path(x).copy(y) / copy_into(DIR): y (DIR/NAME) gets x's content (adversarial round 15a)
            f.reads.append(target)
            dst = _path(self.arg(node, 0, ("target", "target_dir"), 0)[1])
            if dst is not None:
                f.writes.append(dst if method == "copy" else dst.rstrip("/") + "/" + target.rstrip("/").rpartition("/")[2])

    def unpickle(self, node: ast.Call, q: str) -> bool:
        """pickle.load(F) / pickle.loads(B) whose data the reader can name (round 16: a project's own cache was asked
        like data from anywhere): what pickle.dumps just made is the code's own object; bytes a network call returned
        are code from a peer (runs_received); a file opened by a literal path is noted in ``unpickled`` and judged by
        where it lies. False when the data is not named (then code built at run time, as before)."""
        if not node.args:
            return False
        data = node.args[0]
        if q.endswith(".loads"):
            if isinstance(data, ast.Call) and self.callee(data.func, 0) in ("pickle.dumps", "dill.dumps", "cloudpickle.dumps"):
                return True
            v = self.ev(data, 0)
            if _received(v) or _downloaded(v):
                self.facts.runs_received = True
                return True
            path = self.read_source(data)
        elif q in _PATH_UNPICKLERS:
            path = self.opened(data) or _text(self.ev(data, 0))
        else:
            path = self.opened(data)
        if path is None or DYN in path:
            return False
        self.facts.unpickled.append(path)
        self.facts.reads.append(path)
        return True

    def opened(self, node: ast.expr, depth: int = 0) -> str | None:
        """The literal path of a file object: open(P, 'rb'), Path(P).open('rb'), or a name `with open(P, 'rb') as f` binds."""
        if isinstance(node, ast.Call):
            q = self.callee(node.func, 0)
            if q in _OPENERS and node.args:
                return _text(self.ev(node.args[0], 0))
            if q == "path#open" and isinstance(node.func, ast.Attribute):
                return _text(self.ev(node.func.value, 0))
            return None
        if isinstance(node, ast.Name) and depth < 4:
            found: set[str | None] = set()
            withs = 0
            for item in self.of(ast.withitem):
                var = item.optional_vars  # type: ignore[attr-defined]
                if isinstance(var, ast.Name) and var.id == node.id:
                    withs += 1
                    found.add(self.opened(item.context_expr, depth + 1))  # type: ignore[attr-defined]
            sources = self.bindings.get(node.id, [])
            found |= {self.opened(s, depth + 1) for s in sources[:8] if isinstance(s, ast.expr)}
            others = [s for s in sources if not isinstance(s, ast.expr)]
            if len(found) == 1 and len(others) <= withs and all(s == "other" for s in others):
                return found.pop()  # (every binding of the name opens the same file: `f = open(P, 'rb')` or `with … as f`)
        return None

    def read_source(self, node: ast.expr) -> str | None:
        """The literal path whose bytes *node* is: Path(P).read_bytes(), open(P, 'rb').read(), f.read() of a with-bound file."""
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and not node.args:
            if node.func.attr == "read_bytes":
                base = self.ev(node.func.value, 0)
                return _text(base) if base is not None and base[0] == "p" else None
            if node.func.attr == "read":
                return self.opened(node.func.value)
        return None

    def mode_change(self, path: str, mode: Value | None) -> bool:
        """os.chmod(P, 0o777), Path(P).chmod(0o700), with stat's constants: judged as `chmod 777 P` typed, by the mode it
        sets (round 16: the home folder opened to every user was only a write outside the project). False when the mode
        or the path is only known at run time (then a write of P)."""
        if mode is None or mode[0] != "i" or DYN in path or not path.strip():
            return False
        where = "~" + ("/" + shell_quote(path[2:]) if path[2:] else "") if path in ("~", "~/") or path.startswith("~/") else shell_quote(path)
        self.facts.shell.append(f"chmod {int(mode[1]) & 0o7777:o} -- {where}")
        return True

    def open_call(self, node: ast.Call, mode_index: int, path: str | None = None) -> None:
        f = self.facts
        if path is None:
            present, v = self.arg(node, 0, ("file", "filename"), 0)
            path = _path(v)
            if path is None or (v is not None and v[0] == "i"):
                return  # a computed path, or a file descriptor
        present, m = self.arg(node, mode_index, ("mode",), 0)
        mode = _text(m) if present else "r"
        if mode is None or DYN in mode:
            f.opaque.append(f"opens {path} with a mode only known at run time")
            f.reads.append(path)
        elif any(c in mode for c in "wax+"):
            f.writes.append(path)
        else:
            f.reads.append(path)

    def object_writer(self, node: ast.Call, q: str) -> None:
        """A file written through an object's method (fix14b, round 14a's open item): the exporters of data libraries
        named by their convention -- `df.to_csv(P)`, `to_json`, `to_pickle`, `to_parquet`, `arr.tofile(P)`,
        `plt.savefig(P)`, `model.save(P)`, polars' `write_csv(P)` -- given a literal path; a class made on a path and
        then saved (`MozillaCookieJar(P).save()`, `LWPCookieJar(P).save()`); a mailbox made on a path (mailbox.mbox(P)
        creates it). The path is a write, judged as `open(P, 'w')` is."""
        if "#" in q:
            return
        if not isinstance(node.func, ast.Attribute):
            if isinstance(node.func, ast.Name) and "." in q:
                self.named_writer(node, q, q.rsplit(".", 1)[-1])  # from joblib import dump; dump(x, P)
            return
        method = node.func.attr
        f = self.facts
        if q in _MAILBOXES:
            return
        base_q = q[: -len(method) - 1] if q.endswith("." + method) else ""
        if base_q in _MAILBOXES_CALLED or (_saves_back(method) and base_q.endswith("()") and not self.named_file(node)):
            # X(P).save(), j = X(P); j.save(), c = ConfigObj(P); c.write(), mailbox.mbox(P).add(m): the path the
            # object was made on (fix16: the object bound to a name, and any writing verb, not only save)
            path = self.made_on(node.func.value, 0)
            if path is not None:
                f.writes.append(path)
                return
        self.named_writer(node, q, method)

    def named_deleter(self, node: ast.Call, q: str) -> bool:
        """A library's function or method whose name means removing a tree (`distutils.dir_util.remove_tree(P)`,
        `fs.rm_tree(P)`, `rm_rf`, `delete_tree`), or removing with recursive=True (`fsspec.filesystem('file').rm(P,
        recursive=True)`, pyarrow's `delete_dir`), given a literal path: judged as `rm -rf P` (fix16, round 15a's
        library functions), whichever library it is. Other removers (`requests.delete(url)`, `list.remove(x)`) stay."""
        last = q.rsplit(".", 1)[-1]
        recursive = any(k.arg == "recursive" and isinstance(k.value, ast.Constant) and k.value.value is True for k in node.keywords)
        if not (last in _TREE_DELETERS or last in _TREE_DELETER_NAMES or (recursive and last in ("rm", "remove", "delete", "delete_dir", "rmdir"))):
            return False
        present, v = self.arg(node, 0, ("path", "name", "directory", "dir", "path_or_paths", "paths"), 0)
        path = _text(v) if present and v is not None and v[0] in ("s", "p") else None
        if path is None or not _path_like(path):
            return False
        self.delete(node, path)
        return True

    def named_runner(self, node: ast.Call, q: str) -> bool:
        """A task library's module-level runner handed a command line (`invoke.run('…')`, `fabric`'s `local('…')`,
        `sh.run`, `envoy.run`): run here by a shell, judged as the line typed (fix16, round 15a). Only a module's own
        function (not a method of an object made on a host, which runs elsewhere) and only a literal whose first word
        is a program the shell knows."""
        module, _, last = q.rpartition(".")
        if last not in ("run", "sudo", "local") or not module or "()" in q or module.split(".", 1)[0] in _MODELLED_PROCESS_MODULES:
            return False
        present, v = self.arg(node, 0, ("command", "cmd"), 0)
        line = _text(v) if present and v is not None and v[0] == "s" else None
        if line is None or DYN in line or not line.split():
            return False
        from ..shell.programs import INTERPRETERS, ROUTINE_PROGRAMS, SHELLS

        first = line.split()[0].rsplit("/", 1)[-1]
        if first not in ROUTINE_PROGRAMS and first not in SHELLS and first not in INTERPRETERS and first not in ("pkill", "killall", "clearance"):
            return False
        self.facts.shell.append(line if last != "sudo" else "sudo " + line)
        return True

    def named_file(self, node: ast.Call) -> bool:
        """Whether a method call is handed a file of its own (`img.save('out.png')`, `c.write(open(…, 'wb'))`,
        `c.write(outfile=…)`): then that file, not the object's, is where it writes (named_writer, the opener's
        mode). Text that names no file (`log.write('done')`) is data written to the object's own."""
        if any(k.arg in _PATH_KEYWORDS or k.arg == "outfile" for k in node.keywords):
            return True
        for a in node.args[:1]:
            t = _text(self.ev(a, 0))
            return t is None or _path_like(t)
        return False

    def made_on(self, expr: ast.expr, depth: int) -> str | None:
        """The literal path an object was made on: `X(P)`, or a name every binding of which is such a call on the same
        P (`j = MozillaCookieJar(P)`). An opener is left to its mode (open, gzip.open, …: _OPENERS, _MODE_OPENERS);
        a path the object was not made on, None."""
        if depth > 3:
            return None
        if isinstance(expr, ast.Name):
            sources = self.bindings.get(expr.id) or []
            if not sources or len(sources) > 8 or not all(isinstance(s, ast.Call) for s in sources):
                return None
            found = {self.made_on(s, depth + 1) for s in sources}  # type: ignore[arg-type]
            return found.pop() if len(found) == 1 else None
        if not isinstance(expr, ast.Call):
            return None
        q = self.callee(expr.func, depth + 1)
        if q is None or "#" in q or q in _OPENERS or q in _MODE_OPENERS or q in _PATH_MAKERS:
            return None
        present, v = self.arg(expr, 0, (*_PATH_KEYWORDS, "infile"), 0)
        path = _text(v) if present and v is not None and v[0] in ("s", "p") else None
        return path if path is not None and _path_like(path) else None

    def named_writer(self, node: ast.Call, q: str, name: str) -> None:
        """A library function or method whose name means writing a file, handed a literal path (issue 15, round 14c):
        `df.to_csv(P)`, `write_parquet(P)`, `arr.tofile(P)`, `np.savetxt(P, a)`, `scipy.io.savemat(P, d)`,
        `torch.save(obj, P)`, `joblib.dump(v, P)`, `plt.savefig(P)`, `cv2.imwrite(P, img)` -- the first positional argument, or for
        save/dump/export (object first, file second by their convention) the second, or a path keyword; and an opener
        or a class made on a path with a write mode (`h5py.File(P, 'w')`, `netCDF4.Dataset(P, mode='w')`,
        `zarr.open(P, 'a')`). The path is a write, judged as `open(P, 'w')` is, whichever library it is: only where it
        lands decides. A name that returns text (`dumps`), a stream's own `write(s)` and readers stay as they were."""
        f = self.facts
        if q in _OPENERS or q in _MODE_OPENERS:
            return
        low = name.lower()
        saver = any(w in low for w in ("save", "dump", "export")) and not low.endswith("s")
        if saver or low.startswith(("to_", "write_")) or (low.endswith("write") and low != "write") or low in ("tofile", "to_file"):
            for i in (0, 1) if saver else (0,):
                present, v = self.arg(node, i, _PATH_KEYWORDS, 0)
                path = _text(v) if present and v is not None and v[0] in ("s", "p") else None
                if path is not None and _path_like(path):
                    f.writes.append(path)
                    return
            return
        if name[:1].isupper() or "open" in low:
            present, m = self.arg(node, 1, ("mode",), 0)
            mode = _text(m) if present and m is not None and m[0] == "s" else None
            if mode is None or not mode or len(mode) > 3 or set(mode) - set("rwabxt+") or not set(mode) & set("wax+"):
                return
            present, v = self.arg(node, 0, _PATH_KEYWORDS, 0)
            path = _text(v) if present and v is not None and v[0] in ("s", "p") else None
            if path is not None and _path_like(path):
                f.writes.append(path)

    def mode_open(self, node: ast.Call, q: str) -> None:
        """gzip.open(P, MODE), tarfile.open(P, MODE), shelve.open(P, FLAG), logging.FileHandler(P) …: P is written when
        the mode (dbm's flag: c, n, w) writes, read otherwise (_MODE_OPENERS)."""
        f = self.facts
        index, keyword, default = _MODE_OPENERS[q]
        present, v = self.arg(node, 99 if q == "logging.basicConfig" else 0, ("filename", "file", "name", "path"), 0)
        path = _path(v)
        if not present or path is None or (v is not None and v[0] == "i"):
            return  # no file (basicConfig without filename=), a computed path, or a descriptor
        present, m = self.arg(node, 99 if index is None else index, (keyword,), 0)
        mode = _text(m) if present else default
        if mode is None or DYN in mode:
            f.opaque.append(f"opens {path} with a mode only known at run time")
            f.reads.append(path)
        elif any(c in mode for c in "waxcn+"):
            f.writes.append(path)
        else:
            f.reads.append(path)

    def os_open(self, node: ast.Call) -> None:
        f = self.facts
        path = _path(self.arg(node, 0, ("path",), 0)[1])
        if path is None:
            return
        flags_v = self.arg(node, 1, ("flags",), 0)[1]
        names: set[str] = set()
        flags_node = node.args[1] if len(node.args) > 1 else next((k.value for k in node.keywords if k.arg == "flags"), None)
        if flags_node is not None:
            for n in _walk(flags_node, MAX_NODES) or ():
                if isinstance(n, (ast.Name, ast.Attribute)):
                    r = self.ev(n, 0)
                    last = str(r[1]).rsplit(".", 1)[-1] if r is not None and r[0] == "r" else ""
                    if last.startswith("O_"):
                        names.add(last)
        numeric = flags_v is not None and flags_v[0] == "i"
        if names & _WRITE_FLAGS or (numeric and int(flags_v[1]) & _WRITE_BITS):  # type: ignore[index]
            f.writes.append(path)
        elif (names and not names - _READ_FLAGS) or numeric:
            f.reads.append(path)
        else:
            f.opaque.append(f"opens {path} with flags only known at run time")

    def argv_text(self, v: Value | None, starred: bool = False) -> str | None:
        """A shell line for a process call's first argument: a command line or an argv."""
        if v is None or starred:
            return None
        if v[0] == "s":
            return str(v[1])
        if v[0] == "p":
            return shell_quote(str(v[1]))
        if v[0] == "q":
            if not v[1]:
                return None
            return " ".join(_argv_word(x) for x in v[1])
        return None

    def secret_in(self, node: ast.expr) -> str | None:
        """The secret environment variable *node* is built from (os.environ['AWS_SECRET_ACCESS_KEY'], os.getenv('GITHUB_TOKEN'),
        through names bound to such expressions, f-strings, concatenation and containers), or None."""

        def secret(n: ast.AST) -> str | None:
            key: ast.expr | None = None
            if isinstance(n, ast.Subscript):
                base = self.ev(n.value, 0)
                key = n.slice if base is not None and base in (("r", "os.environ"), ("r", "os.environb")) else None
            elif isinstance(n, ast.Call) and n.args and self.callee(n.func, 0) in ("os.getenv", "os.environ.get", "os.environ.__getitem__"):
                key = n.args[0]
            name = _text(self.ev(key, 0)) if key is not None else None
            return name if name is not None and DYN not in name and is_secret(name) else None

        return self.found_in(node, secret)

    def found_in(self, node: ast.AST, test: Any, depth: int = 0, seen: set[str] | None = None) -> str | None:
        """The first answer of *test* on the nodes of *node* and of the expressions the names it uses are bound to."""
        seen = set() if seen is None else seen
        nodes = _walk(node, 2_000) or ()
        self.budget -= len(nodes)
        if self.budget < 0:
            return None
        for n in nodes:
            found = test(n)
            if found is not None:
                return str(found)
            if isinstance(n, ast.Name) and n.id not in seen and depth < 4:
                seen.add(n.id)
                for src in self.bindings.get(n.id, ())[:4]:
                    if isinstance(src, ast.AST):
                        found = self.found_in(src, test, depth + 1, seen)
                        if found is not None:
                            return str(found)
        return None

    def socket_descriptor(self, node: ast.expr) -> bool:
        """Whether *node* is a socket or its descriptor: a value made by a socket call, or `x.fileno()` of an object the
        reader cannot name (a socket returned by a function of the code's own) in code that makes sockets."""
        v = self.ev(node, 0)
        if v is not None and v[0] == "r":
            return str(v[1]).split("(", 1)[0] in _SOCKET_MAKERS
        return (
            v is None
            and isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "fileno"
            and self.ev(node.func.value, 0) is None
        )

    def process(self, node: ast.Call, q: str) -> None:
        f = self.facts
        f.process = True
        for k in node.keywords:
            if k.arg in ("stdin", "stdout", "stderr") and self.socket_descriptor(k.value):
                self.stdio_socket = True  # Popen(['/bin/sh'], stdin=s, stdout=s): the child's streams are the socket
        v = self.arg(node, 0, ("args", "command", "cmd", "argv"), 0)[1]
        shell = any(k.arg == "shell" for k in node.keywords)
        if shell and v is not None and v[0] == "q" and v[1]:
            v = v[1][0]  # Popen(['cmd line', ...], shell=True): the first item is the command line
        if _received(v) or _downloaded(v):
            f.runs_received = True  # the command line is what a network peer sent (or a download): a remote shell
        text = self.argv_text(v)
        if text is None:
            f.unread_process = True
            return
        env = self.environment(next((k.value for k in node.keywords if k.arg == "env"), None))
        if env:
            # Popen(..., env={'GIT_SSH_COMMAND': …}): the command runs with it, as after `export NAME=value`.
            text = f"export {env}; {text}"
        for k in node.keywords:
            if k.arg == "cwd" and not (isinstance(k.value, ast.Constant) and k.value.value is None):
                # Popen(..., cwd=DIR): the command runs in DIR, as after `cd DIR`.
                where = _text(self.ev(k.value, 0))
                text = f"cd {shell_quote(where if where is not None else DYN)} && {text}"
        if self.inherits_input(node, q):
            f.inherited.add(len(f.shell))
        f.shell.append(text)

    def inherits_input(self, node: ast.Call, q: str) -> bool:
        """Whether the child of a process call reads this program's own standard input: no stdin= or input= is given
        (nor stdin in a ``**`` mapping), and os.popen's mode is not "w" (a pipe the code writes into)."""
        if any(k.arg in ("stdin", "input", None) for k in node.keywords):
            return False
        if q == "os.popen":
            mode = _text(self.arg(node, 1, ("mode",), 0)[1]) if len(node.args) > 1 or node.keywords else "r"
            return mode is not None and "w" not in mode
        if q == "pty.spawn" and (len(node.args) > 1 or node.keywords):
            return False  # pty.spawn(argv, master_read, stdin_read): a callback may make up the child's input
        return q in _INHERITING_CALLS

    def environment(self, node: ast.expr | None) -> str:
        """`NAME=value` assignments of a process call's env= argument: its literal entries ({'A': 'x', **os.environ},
        dict(os.environ, A='x')); the rest of it is the environment the code runs in."""
        pairs: list[tuple[str, ast.expr]] = []
        if isinstance(node, ast.Dict):
            pairs = [(k.value, v) for k, v in zip(node.keys, node.values) if isinstance(k, ast.Constant) and isinstance(k.value, str)]
        elif isinstance(node, ast.Call) and self.callee(node.func, 0) == "dict":
            pairs = [(k.arg, k.value) for k in node.keywords if k.arg]
        out = []
        for name, value in pairs[:40]:
            text = _text(self.ev(value, 0))
            if text is not None and name.isascii() and name.replace("_", "a").isalnum() and not name[:1].isdigit():
                out.append(f"{name}={shell_quote(text)}")
        return " ".join(out)

    def library_command(self, node: ast.Call) -> str | None:
        """The command line a call of a shell-command library runs, as typed: sh's attribute names are the program and
        its subcommands (`sh.rm('-rf', p)`, `from sh import rm`, `sh.git.push('--force')`, `sh.Command('rm')(…)`, a
        keyword `force=True` is `--force`); plumbum's items are the program and its arguments (`local['rm']['-rf',
        p]()`, `from plumbum.cmd import rm; rm('-rf', p)`). None for any other call."""
        func: ast.expr = node.func
        items: list[ast.expr] = []
        while isinstance(func, ast.Subscript) and len(items) < _MAX_ITEMS:
            sl = func.slice
            items = [*(sl.elts if isinstance(sl, ast.Tuple) else [sl]), *items]
            func = func.value
        words: list[Value | None] = []
        if isinstance(func, ast.Call):
            inner = self.callee(func.func, 0)
            if inner not in ("sh.Command", "plumbum.local.get", "plumbum.local#get") or not func.args:
                return None
            words.append(self.ev(func.args[0], 0))  # sh.Command('rm')(…), local.get('rm')(…)
        else:
            q = self.callee(func, 0)
            if q is None:
                return None
            top, _, rest = q.partition(".")
            if top == "sh" and rest:
                names = rest.split(".")
                if "bake" in names or names[0][:1].isupper() or names[0].startswith("_") or names[0] in _SH_HELPERS:
                    return None  # a baked command (run later), an exception class, a helper
                words += [_str(n) for n in names]
            elif q.startswith("plumbum.cmd.") and q.count(".") == 2:
                words.append(_str(q.rsplit(".", 1)[1]))
            elif q != "plumbum.local" or not items:
                return None
        args, kw, starred = self.args(node, 0)
        words += [self.ev(i, 0) for i in items] + args
        for key, value in kw.items():
            if key.startswith("_"):
                continue  # sh's own keywords (_bg, _cwd, _env …)
            v = self.ev(value, 0)
            flag = ("-" if len(key) == 1 else "--") + key.replace("_", "-")
            if isinstance(value, ast.Constant) and value.value is True:
                words.append(_str(flag))
            elif _text(v) is not None:
                words.append(_str(f"{flag}={_text(v)}"))
        if starred or not words:
            words.append(None)
        texts = [_text(w) for w in words]
        return " ".join(shell_quote(DYN if t is None else t) for t in texts)

    def exec_family(self, node: ast.Call, q: str) -> None:
        f = self.facts
        f.process = True
        args, _, starred = self.args(node, 0)
        name = q.rsplit(".", 1)[-1]
        if name.startswith("spawn"):
            args = args[1:]  # the mode
        argv: list[Value | None] | None
        if name == "create_subprocess_exec":
            argv = args
        elif name.startswith("posix_spawn") or name.startswith(("execv", "spawnv")):
            rest = args[1] if len(args) > 1 else None
            argv = [args[0], *rest[1][1:]] if args and rest is not None and rest[0] == "q" else None
        else:  # execl*, spawnl*: the program, then argv[0], then the arguments (and the environment for *e)
            tail = args[2:-1] if name.endswith("e") else args[2:]
            argv = [args[0], *tail] if args else None
        if not argv or starred or argv[0] is None:
            f.unread_process = True
            return
        if not name.startswith("posix_spawn") and (name != "create_subprocess_exec" or not any(k.arg in ("stdin", None) for k in node.keywords)):
            f.inherited.add(len(f.shell))  # exec and spawn: the new program keeps this one's descriptors
        f.shell.append(" ".join(shell_quote(_text(x) or DYN) for x in argv))

    def code_runner(self, node: ast.Call) -> None:
        f = self.facts
        v = self.arg(node, 0, ("source", "object"), 0)[1]
        if _received(v) or _downloaded(v):
            f.runs_received = True  # exec(sock.recv(4096)), exec(urlopen(u).read()): code a network peer sent
        if node.args and self.found_in(node.args[0], lambda n: "decoded" if n.__class__ is ast.Call and self.callee(n.func, 0) in _DECODERS else None):
            self.runs_built_code = True  # exec(b64decode('…')): hidden behind an encoding, whatever it turns out to be
        text = _text(v)
        if text is not None and v is not None and v[0] == "s" and DYN not in text:
            nested = analyse(text, self.depth + 1) if self.depth < _MAX_NESTED_CODE else None
            if nested is not None:
                _merge(f, nested)
                return
        if v is not None and v[0] == "r" and str(v[1]).startswith("compile()"):
            return  # exec(compile('...')): the compile call is judged on its own
        f.dynamic = True
        self.runs_built_code = True

    def network_call(self, q: str, node: ast.Call) -> None:
        f = self.facts
        f.network = True
        last = q.rsplit(".", 1)[-1].split("#")[-1]
        if not self.fetch_only(q, last, node):
            f.sends = True
        spec = _DESTINATIONS.get(last)
        sent = [*node.args, *(k.value for k in node.keywords if k.arg not in _CREDENTIAL_KEYWORDS)]
        secret = next((name for a in sent[:16] if (name := self.secret_in(a)) is not None), None)
        used = [k.value for k in node.keywords if k.arg in ("headers", "auth", "cookies")]
        credential = next((name for a in used if (name := self.secret_in(a)) is not None), None)
        if (secret is not None and len(f.secrets) < 20) or (credential is not None and len(f.credentials) < 20):
            # A key or token in the request's address or body, or in its headers: where it goes, when the call names it.
            where = _destination(self.arg(node, spec[0], spec[1], 0)[1]) if spec is not None else None
            known = where if where is not None and DYN not in url_host(where) and not q.endswith("()." + last) else None
            if secret is not None:
                f.secrets.append((secret, known))
            if credential is not None:
                f.credentials.append((credential, known))
        if spec is None:
            return
        owner = q.rsplit(".", 1)[0]
        constructed = owner.endswith("()")
        present, v = self.arg(node, spec[0], spec[1], 0)
        if last in ("request", "stream") and not constructed and not present:
            present, v = self.arg(node, 0, spec[1], 0)
        if v is not None and v[0] == "r" and _network(str(v[1])):
            return  # urlopen(Request(url)): the address was judged where the request was made
        dest = _destination(v)
        if dest is not None and DYN not in url_host(dest):
            # The host is known (a path or query built at run time does not change where the request goes).
            if not constructed or "://" in dest or owner[:-2] in _CLIENTS:
                f.urls.append(dest)
            return
        if constructed and owner[:-2] not in _CLIENTS:
            return  # a path or a method on a connection made with its host (judged where it was made)
        if present or not constructed:
            f.urls.append(DYN)  # an address only known at run time: never inside the trust boundary (interp.network)

    def fetch_only(self, q: str, last: str, node: ast.Call) -> bool:
        """Whether the call only fetches a literal URL (``requests.get("https://…")``, ``urlopen("https://…")``) or
        reads the response such a call returned (``.json()``, ``.read()``): nothing of this machine goes out."""
        if _fetched(q):
            return True
        if last not in _FETCHES or len(node.args) != 1:
            return False
        dest = _text(self.ev(node.args[0], 0))
        if dest is None or DYN in dest or not dest.startswith(("http://", "https://")):
            return False
        from ..rules.net import has_token

        if has_token(dest):
            return False  # a token typed into the URL, or encoded in it, goes out with the request (round 12b)
        for k in node.keywords:
            if k.arg not in _FETCH_OPTIONS and not (k.arg == "headers" and (_literal(k.value) or self.own_service_headers(k.value, url_host(dest)))):
                return False
        return True

    def own_service_headers(self, node: ast.expr, host: str) -> bool:
        """Headers whose every value is literal or a vendor's key read from the environment, sent to that vendor's
        own service (``{"Authorization": "token " + os.environ["GITHUB_TOKEN"]}`` to api.github.com): authenticated
        use of the service, nothing else of this machine goes out."""
        from ..rules.vendors import host_serves, secret_services

        if node.__class__ is not ast.Dict:
            return False
        for v in node.values:  # type: ignore[attr-defined]
            if v is None or _literal(v):
                continue
            name = self.secret_in(v)
            if name is None or not host_serves(host, secret_services(name)):
                return False
            nodes = _walk(v, 200)
            if nodes is None:
                return False
            for sub in nodes:
                if sub.__class__ is ast.Call and self.callee(sub.func, 0) not in _ENV_READS:  # type: ignore[attr-defined]
                    return False
        return True

    def passed_on(self, q: str) -> None:
        """A judged function handed on as a value (map(os.system, …), Thread(target=…), atexit.register):
        it runs with arguments the reader does not see."""
        f = self.facts
        if q in _DELETE_FIRST:
            f.deletes.append(None)
        elif q in _PROCESS_FIRST or q.startswith(("os.exec", "os.spawn", "os.posix_spawn")):
            f.process = True
            f.unread_process = True
        elif q in _CODE_RUNNERS or q in _DYNAMIC_CALLS:
            f.dynamic = True
            self.runs_built_code = True

    def moved(self, targets: set[str | None]) -> None:
        """os.chdir(DIR): relative paths and commands are relative to DIR (to the one known target, wherever
        in the code the call stands; a run-time or ambiguous target is a reason to ask)."""
        f = self.facts
        if len(targets) != 1 or None in targets:
            f.opaque.append("changes to a working directory only known at run time")
            return
        where = next(iter(targets))
        assert where is not None

        def rebase(p: str) -> str:
            return p if p.startswith(("/", "~")) else pathstr.join(where, p)

        f.deletes = [None if p is None else rebase(p) for p in f.deletes]
        f.writes = [rebase(p) for p in f.writes]
        f.reads = [rebase(p) for p in f.reads]
        f.links = [(rebase(t), rebase(n), sym) for t, n, sym in f.links]
        f.shell = [t if t.startswith("cd ") else f"cd {shell_quote(where)} && {t}" for t in f.shell]

    def references(self) -> None:
        """Names that take the whole environment, use the network or call native code without a call of their own."""
        f = self.facts
        inner: set[int] = set()
        attributes = self.of(ast.Attribute)
        for node in attributes:
            assert isinstance(node, ast.Attribute)
            inner.add(id(node.value))
            if node.attr in _ENV_SINGLE:
                self.exempt_env.add(id(node.value))
        for node in self.of(ast.Subscript):
            assert isinstance(node, ast.Subscript)
            self.exempt_env.add(id(node.value))
        for node in self.of(ast.Compare):
            assert isinstance(node, ast.Compare)
            if any(isinstance(o, (ast.In, ast.NotIn)) for o in node.ops):
                self.exempt_env.update(id(c) for c in node.comparators)
        for node in self.of(ast.Call):
            assert isinstance(node, ast.Call)
            inner.add(id(node.func))
        # Names bound by an import (or by assignment from a module object) are the only ones that can name one.
        modules = {n for n, sources in self.bindings.items() if "other" not in sources}
        load = ast.Load
        for node in [*self.of(ast.Name), *attributes]:
            assert isinstance(node, (ast.Name, ast.Attribute))
            if node.ctx.__class__ is not load:
                continue
            root: ast.AST = node
            while root.__class__ is ast.Attribute:
                root = root.value  # type: ignore[attr-defined]
            if root.__class__ is ast.Name and root.id not in modules and not self.stars:  # type: ignore[attr-defined]
                continue  # builtins, undefined names, parameters and loop variables, and their attributes
            v = self.ev(node, 0)
            if v is None or v[0] != "r":
                continue
            q = str(v[1])
            if q in ("os.environ", "os.environb") and id(node) not in self.exempt_env:
                f.env_dump = True
            elif id(node) not in inner and _network(q):
                f.network = True
                if not _fetched(q):
                    f.sends = True  # a network function handed on as a value: called with what the reader does not see
                continue
            elif id(node) not in inner and id(node) not in self.aliased:
                self.passed_on(q)
            if q in _NATIVE and not self.native_read():
                reason = "calls native functions through ctypes or cffi"
                if reason not in f.opaque:
                    f.opaque.append(reason)

    def native_read(self) -> bool:
        """Whether every use of a native library is a call of a C function the reader knows: one judged as the os
        function of its name (_LIBC: system, unlink, chmod …) or one that touches nothing (_LIBC_INERT: getpid, strlen,
        cos), its result or argument types set (`m.cos.restype = c_double`). A library object or C function used any
        other way (passed on, indexed, a function pointer cast, ctypes.memmove) is not read."""
        if self.natives is not None:
            return self.natives
        seen = False
        funcs = {id(n.func) for n in self.of(ast.Call)}  # type: ignore[attr-defined]
        for node in [*self.of(ast.Name), *self.of(ast.Attribute)]:
            v = self.ev(node, 0)
            if v is None or v[0] != "r":
                continue
            q = str(v[1])
            if q in _NATIVE and q not in ("ctypes.CDLL", "ctypes.PyDLL", "ctypes.cdll", "ctypes.pydll", "cffi.FFI"):
                self.natives = False  # ctypes.cast, memmove, CFUNCTYPE, pythonapi: memory and callbacks
                return False
            if q in _LIBRARIES:
                continue  # the library object itself; how each of its functions is used is judged below
            owner, _, function = q.rpartition(".")
            if owner in _LIBRARIES:
                seen = True
                if id(node) not in funcs and not (
                    isinstance(node, ast.Attribute) and any(n.__class__ is ast.Attribute and n.value is node for n in self.of(ast.Attribute))  # type: ignore[attr-defined]
                ):
                    self.natives = False  # `f = libc.system` handed on, not called
                    return False
                if function not in _LIBC and function not in _LIBC_INERT and function not in ("restype", "argtypes"):
                    self.natives = False
                    return False
        for node in self.of(ast.Subscript):
            assert isinstance(node, ast.Subscript)
            v = self.ev(node.value, 0)
            if v is not None and v[0] == "r" and str(v[1]) in _LIBRARIES:
                self.natives = False  # libc['system']: a function chosen by a string
                return False
        self.natives = seen
        return seen


def _both(first: list[str], second: list[str]) -> list[str]:
    """Name wildcards both tests let through, as far as one wildcard says it: `tmp_*` and `*.json` -> `tmp_*.json`;
    otherwise the first test's (a superset)."""
    out: list[str] = []
    for a in first:
        for b in second:
            if a.endswith("*") and b.startswith("*") and a.count("*") == 1 and b.count("*") == 1:
                out.append(a + b[1:])
            elif b.endswith("*") and a.startswith("*") and a.count("*") == 1 and b.count("*") == 1:
                out.append(b + a[1:])
            else:
                out.append(a)
    return list(dict.fromkeys(out))[:8]


def _index(v: Value | None, path: tuple[int, ...]) -> Value | None:
    """The item of *v* at *path* (a, b = v: a is v[0]), or None when *v* is not a sequence that long."""
    for i in path:
        if v is None or v[0] != "q" or not -len(v[1]) <= i < len(v[1]):
            return None
        v = v[1][i]
    return v


def _target(v: Value | None) -> str | None:
    """A path to delete, or None when its start is only known at run time (it may be anywhere)."""
    t = _path(v)
    return None if t is None or t.startswith(DYN) else t


def _merge(into: CodeFacts, other: CodeFacts) -> None:
    into.deletes += other.deletes
    into.chosen_deletes += other.chosen_deletes
    into.reads += other.reads
    into.writes += other.writes
    into.links += other.links
    into.shell += other.shell
    into.urls += other.urls
    into.opaque += other.opaque
    into.process = into.process or other.process
    into.unread_process = into.unread_process or other.unread_process
    into.network = into.network or other.network
    into.dynamic = into.dynamic or other.dynamic
    into.unpickled += other.unpickled
    into.env_dump = into.env_dump or other.env_dump
    into.decoded_exec = into.decoded_exec or other.decoded_exec
    into.runs_received = into.runs_received or other.runs_received
    into.secrets += other.secrets
    into.credentials += other.credentials
    into.sends = into.sends or other.sends


def _own_module_file(module: str, attr: str) -> Value | None:
    """`clearance.engine.__file__`, `clearance.__path__`: where this clearance's own modules are (the copy deciding is the
    copy a Python beside it imports), so a write or delete through them is judged on clearance's installed code."""
    import os

    from .. import __file__ as package_init

    package = os.path.dirname(os.path.abspath(package_init))
    parts = module.split(".")[1:]
    if not all(p.isidentifier() for p in parts):
        return None
    here = os.path.join(package, *parts)
    if attr == "__path__":
        return ("q", (_str(here),))
    return _str(here + "/__init__.py" if not parts else here + ".py")  # (a subpackage's file is inside the package too)


def _path_attribute(t: str, attr: str) -> Value | None:
    if attr == "parent":
        return ("p", pathstr.dirname(t) or "." if DYN not in t.rsplit("/", 1)[-1] else DYN)
    if attr in ("name", "stem", "suffix"):
        return _str(pathstr.basename(t) if attr == "name" and DYN not in t else DYN)
    if attr in ("home", "cwd", "expanduser", "joinpath"):
        return None
    return None


def _env_value(name: str | None) -> Value:
    if name in _HOME_VARIABLES:
        return _str("~")
    if name is not None and name in RUNNER_ENV_VARS:
        # os.environ['GITHUB_ENV']: the CI runner's file of variables for later steps, the path the shell's
        # `>> "$GITHUB_ENV"` is judged as (engine._runner_env_targets; adversarial round 16g)
        return _str(RUNNER_ENV_VARS[name])
    return _str(DYN)


def _expandvars(t: str) -> str:
    out = []
    i = 0
    while i < len(t):
        c = t[i]
        if c == "$" and i + 1 < len(t):
            j = i + 1
            braced = t[j] == "{"
            if braced:
                end = t.find("}", j)
                if end == -1:
                    out.append(t[i:])
                    break
                name, i = t[j + 1 : end], end + 1
            else:
                k = j
                while k < len(t) and (t[k].isalnum() or t[k] == "_"):
                    k += 1
                if k == j:
                    out.append(c)
                    i += 1
                    continue
                name, i = t[j:k], k
            out.append("~" if name in _HOME_VARIABLES else DYN)
            continue
        out.append(c)
        i += 1
    return "".join(out)


def _printf(template: str, args: list[str | None]) -> str:
    out = []
    n = 0
    i = 0
    while i < len(template):
        c = template[i]
        if c != "%":
            out.append(c)
            i += 1
            continue
        if template[i + 1 : i + 2] == "%":
            out.append("%")
            i += 2
            continue
        j = i + 1
        keyed = j < len(template) and template[j] == "("
        while j < len(template) and template[j] not in "sdifrxXoeEgGcab":
            j += 1
        value = args[n] if n < len(args) and not keyed else None
        n += 1
        out.append(value if value is not None else DYN)
        i = j + 1
    return "".join(out)


def _format(template: str, args: list[str | None], kw: dict[str, str | None]) -> str:
    out = []
    auto = 0
    i = 0
    while i < len(template):
        c = template[i]
        if c in "{}" and template[i + 1 : i + 2] == c:
            out.append(c)
            i += 2
            continue
        if c != "{":
            out.append(c)
            i += 1
            continue
        end = template.find("}", i)
        if end == -1:
            out.append(template[i:])
            break
        field = template[i + 1 : end].split("!", 1)[0].split(":", 1)[0]
        value: str | None = None
        if field == "":
            value = args[auto] if auto < len(args) else None
            auto += 1
        elif field.isdigit():
            k = int(field)
            value = args[k] if k < len(args) else None
        elif field.isidentifier():
            value = kw.get(field)
        out.append(value if value is not None else DYN)
        i = end + 1
    return "".join(out)


def _destination(v: Value | None) -> str | None:
    """A URL or host from a destination argument: a string, or a (host, port) address."""
    if v is None:
        return None
    if v[0] == "q":
        return _text(v[1][0]) if v[1] else None
    return _text(v)


# Functions `from M import *` may bring in: the ones this module judges.  (_JUDGED_TOPS, their modules,
# is defined after it.)
_KNOWN = frozenset(
    {
        *_DELETE_FIRST,
        *_COPIES,
        *_MOVES,
        *_LINKS,
        *_MODE_CHANGES,
        *_PROCESS_FIRST,
        *_DECODERS,
        *_DYNAMIC_CALLS,
        *_LOADERS,
        "os.open",
        "os.environ",
        "os.getenv",
        "os.path.join",
        "os.path.expanduser",
        "pathlib.Path",
        *(f"os.{n}" for n in ("execl", "execle", "execlp", "execlpe", "execv", "execve", "execvp", "execvpe", "posix_spawn", "posix_spawnp")),
        *(f"os.{n}" for n in ("spawnl", "spawnle", "spawnlp", "spawnlpe", "spawnv", "spawnve", "spawnvp", "spawnvpe")),
    }
)
_JUDGED_TOPS = frozenset({q.split(".", 1)[0] for q in _KNOWN} | _NETWORK_TOPS | {"builtins", "__builtins__", "sys", "importlib", "ctypes", "cffi", "pty"})
