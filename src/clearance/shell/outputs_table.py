"""The files known programs write, named by an option or an operand, as plain data: output, log, trace, dump and
archive files (`pandoc -o F`, `curl -D F`, `pg_dump --file=F`, `zip ARCHIVE …`, `git bundle create F`), the folders
they write into (`javac -d DIR`, `helm package -d DIR`) and the prefixes of the files they make (`split IN PREFIX`).

A program's entry is read the way the program reads its words (the option syntax of optables.py, compiled by
options.py): names joined by ``|``, the first long one canonical; ``=`` takes a value (the next word, ``--opt=v``,
``-ov``).  Keys of an entry:

- ``opts``: its options (every one that takes a value must be listed, or its value is read as an operand);
- ``files`` / ``dirs`` / ``prefixes``: canonical names of the options whose value is a file written, a folder written
  into, the start of the names of files written;
- ``operands``: ``"file:0"``, ``"dir:1"``, ``"prefix:1"``, ``"file:-1"`` -- the operand at that index is written;
- ``each``: options whose every value is written (curl -o per URL); by default the last one given wins;
- ``when``: the outputs count only with one of these options (tar writes -f's archive only when it creates one);
- ``unless``: with one of these options nothing is written (ssh-keygen -l only reads the key -f names);
- ``chdir``: options that move the working directory first (`git -C D`, `terraform -chdir=D`, `go build -C D`): the
  relative paths written are under it (each `-C` relative to the one before);
- ``runs``: the operands are a command the program runs (strace, time, script -c), judged as a command of its own;
- ``inputs``: the other operands are files the program only reads (the safety net leaves them alone, as it does
  the values of the options listed and not named as outputs);
- ``oldstyle``: a first word without a dash is a cluster of options whose values follow in order (`tar czf A src`);
- ``abbrev`` (unique prefixes of long options, getopt_long/argparse), ``go`` (single-dash long options, Go's flag
  package, terraform, javac), ``stop`` (options end at the first operand), ``csv`` (an option whose value may be a
  ``key=value,…`` list: the written path is its ``dest=`` or ``src=``… key, docker's ``--output type=local,dest=D``);
- ``bin``: an environment variable naming the folder each operand's program is installed into (`GOBIN=D go install P`);
  ``bin_default``: ``VAR/sub``, the folder used when it is unset (``$VAR``'s first entry, or ``~/go``, then ``sub``),
  where only a program named like one the hook or every script runs is read (programs.shadows_routine);
- ``env``: environment variables whose value is a file the program writes, whatever its words (`GIT_INDEX_FILE=F git
  add`); ``env_abs``: the same when the value is an absolute path (git's GIT_TRACE*: a number or `true` is a file
  descriptor or stderr); ``env_dirs``: variables whose value is a folder it installs into (`CARGO_INSTALL_ROOT`);
- ``assign_dirs``: ``NAME=VALUE`` operands whose value is a folder written into (`make install DESTDIR=D`), each
  below DESTDIR when one is given (installdest.staged: `make install DESTDIR=/tmp/s PREFIX=/usr` writes /tmp/s/usr);
  ``stage``: the option that is such a staging root, then the ``dirs`` it leads (pip's and setup.py's ``--root``);
- ``subs``: subcommand -> entry (``git bundle create``), ``persistent``: options accepted below as well;
- ``homonyms``: other programs go by this name (Split.io's ``split`` CLI): the table reads its outputs, but the name
  does not make the program known to the rules on programs clearance does not model;
- ``examples``: command -> the paths it writes, checked by tests/test_output_options.py.

Only reading: ``written()`` returns the words; effects.py turns them into WRITE effects.
"""

from __future__ import annotations

from ..paths import DYN

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .ir import Word
    from .options import Spec

FILE, DIR, PREFIX = "file", "dir", "prefix"

_CC = "o= x= I= L= l= D= U= include= isystem= iquote= idirafter= MF= MT= MQ= T= Xlinker= Xassembler= Xpreprocessor= B= aux-info= specs="
_CURL_VALUES = (
    "o|output= D|dump-header= c|cookie-jar= trace= trace-ascii= stderr= etag-save= hsts= alt-svc= libcurl= output-dir="
    " b|cookie= d|data= data-binary= data-raw= data-urlencode= F|form= H|header= A|user-agent= e|referer= u|user= X|request="
    " T|upload-file= K|config= E|cert= key= cacert= capath= m|max-time= connect-timeout= retry= r|range= x|proxy= U|proxy-user="
    " w|write-out= Y|speed-limit= y|speed-time= z|time-cond= C|continue-at= resolve= connect-to= interface= json= url= Q|quote="
)
_WGET_VALUES = (
    "o|output-file= a|append-output= O|output-document= P|directory-prefix= i|input-file= B|base= e|execute= t|tries= T|timeout="
    " w|wait= Q|quota= U|user-agent= header= user= password= post-data= post-file= body-data= body-file= method= load-cookies="
    " save-cookies= save-headers warc-file= rejected-log= l|level= A|accept= R|reject= D|domains= X|exclude-directories="
    " I|include-directories= certificate= private-key= ca-certificate= config= cut-dirs= referer= limit-rate="
)
_GIT_DIFF_OUTPUT = "output= output-indicator-new= output-indicator-old= output-indicator-context= "

TABLE: dict[str, dict[str, object]] = {
    # -- filters and converters ------------------------------------------------------------------
    "pandoc": {
        "opts": (
            "o|output= f|from|r|read= t|to|w|write= data-dir= M|metadata= V|variable= d|defaults= template= extract-media="
            " resource-path= H|include-in-header= B|include-before-body= A|include-after-body= c|css= reference-doc= bibliography="
            " csl= L|lua-filter= F|filter= log= metadata-file= highlight-style= syntax-definition= epub-cover-image= shift-heading-level-by="
        ),
        "files": "output log",
        "dirs": "extract-media",
        "inputs": True,
        "examples": {"pandoc README.md -o out.html": ["out.html"], "pandoc -oout.pdf --log=l.json a.md": ["out.pdf", "l.json"]},
    },
    # macOS/BSD base64 -o FILE (GNU base64 has no -o: an unknown option, nothing written)
    "base64": {"opts": "o|output= i|input= b|break= w|wrap=", "files": "output", "inputs": True, "examples": {"base64 -d x.b64 -o x.bin": ["x.bin"]}},
    # -- dumps, captures and traces --------------------------------------------------------------
    "pg_dump": {
        "opts": (
            "f|file= F|format= j|jobs= Z|compress= d|dbname= h|host= p|port= U|username= n|schema= N|exclude-schema= t|table="
            " T|exclude-table= E|encoding= S|superuser= role= lock-wait-timeout= exclude-table-data= section= snapshot= filter="
        ),
        "abbrev": True,
        "files": "file",
        "examples": {"pg_dump -f dump.sql db": ["dump.sql"], "pg_dump -f a.sql --file=b.sql db": ["b.sql"]},
    },
    "mysqldump": {
        "opts": (
            "r|result-file= log-error= T|tab= u|user= p|password=? h|host= P|port= S|socket= w|where= default-character-set="
            " ignore-table= B|databases A|all-databases"
        ),
        "abbrev": True,
        "files": "result-file log-error",
        "dirs": "tab",
        "examples": {"mysqldump --result-file=b.sql db": ["b.sql"], "mysqldump -r b.sql db": ["b.sql"]},
    },
    "tcpdump": {
        "opts": (
            "w= r= i|interface= c= C= G= W= s|snapshot-length= F= "
            "E= M= T= y|linktype= z= Z|relinquish-privileges= B|buffer-size= j|time-stamp-type= Q|direction="
        ),
        "files": "w",
        "examples": {"tcpdump -w cap.pcap -i any": ["cap.pcap"], "tcpdump -r cap.pcap": []},
    },
    "strace": {
        "opts": (
            "o|output= e= p|attach= s|string-limit= u|user= E|env= P|trace-path= "
            "a|columns= b|detach-on= I|interruptible= O= S|summary-sort-by= X|const-print-style= U|summary-columns="
        ),
        "abbrev": True,
        "stop": True,
        "runs": True,
        "files": "output",
        "examples": {"strace -o t.txt ls": ["t.txt"], "strace -fo t.txt ls": ["t.txt"]},
    },
    "ltrace": {
        "opts": "o|output= e= p= s= u= n|indent= a|align= A= D|debug= l|library= L x= w|where=",
        "stop": True,
        "runs": True,
        "files": "output",
        "examples": {"ltrace -o t.txt ls": ["t.txt"]},
    },
    # GNU time (/usr/bin/time); bash's keyword `time` takes only -p
    "time": {
        "opts": "o|output= f|format= a|append p|portability v|verbose q|quiet",
        "abbrev": True,
        "stop": True,
        "runs": True,
        "files": "output",
        "examples": {"/usr/bin/time -o t.txt ls": ["t.txt"]},
    },
    # script [-c CMD] [FILE]: the typescript (default ./typescript); -O/--log-out, -I/--log-in, -B/--log-io, -T/--log-timing
    "script": {
        "opts": "c|command= O|log-out= I|log-in= B|log-io= T|log-timing|t|timing=? m|logging-format= E|echo= o|output-limit= a|append e|return f|flush q|quiet",
        "abbrev": True,
        "files": "log-out log-in log-io log-timing",
        "operands": "file:0",
        "examples": {"script -c ls out.log": ["out.log"], "script -q -O s.log": ["s.log"]},
    },
    # -- compilers and bundlers ------------------------------------------------------------------
    "gcc": {"opts": _CC, "cc": True, "files": "o", "inputs": True, "examples": {"gcc -o app main.c": ["app"], "cc -Wall main.c -oapp": ["app"]}},
    "rustc": {
        "opts": "o= out-dir= emit= crate-name= crate-type= edition= C|codegen= L= l= cfg= target= extern= sysroot= error-format= cap-lints= A= W= D= F=",
        "files": "o",
        "dirs": "out-dir",
        "inputs": True,
        "examples": {"rustc -o hook main.rs": ["hook"], "rustc --out-dir build main.rs": ["build/*"]},
    },
    "javac": {
        "go": True,
        "opts": (
            "d= s= h= cp= classpath= class-path= sourcepath= source-path= "
            "source= target= release= encoding= processorpath= module-path= p= bootclasspath= extdirs="
        ),
        "dirs": "d s h",
        "inputs": True,
        "examples": {"javac -d build A.java": ["build/*"]},
    },
    "tsc": {
        "go": True,
        "opts": "outDir= outdir= outFile= outfile= out= declarationDir= declarationdir= tsBuildInfoFile= p= project= target= module= lib= rootDir= jsx=",
        "files": "outFile outfile out tsBuildInfoFile",
        "dirs": "outDir outdir declarationDir declarationdir",
        "examples": {"tsc --outDir dist": ["dist/*"], "tsc --outFile app.js": ["app.js"]},
    },
    "esbuild": {
        "go": True,
        "opts": "outfile= outdir= metafile= outbase= sourcefile= tsconfig= platform= format= target= loader= define= external=",
        "files": "outfile metafile",
        "dirs": "outdir",
        "inputs": True,
        "examples": {"esbuild a.ts --bundle --outfile=dist/a.js": ["dist/a.js"], "esbuild a.ts --outdir=out": ["out/*"]},
    },
    "pyinstaller": {
        "opts": (
            "distpath= workpath= specpath= n|name= p|paths= i|icon= add-data= add-binary= hidden-import= collect-all= collect-data="
            " runtime-hook= additional-hooks-dir= exclude-module= key= upx-dir= log-level= splash= target-arch= codesign-identity="
        ),
        "abbrev": True,
        "dirs": "distpath workpath specpath",
        "inputs": True,
        "examples": {"pyinstaller --distpath dist app.py": ["dist/*"]},
    },
    # -- splitting, packing, archiving -----------------------------------------------------------
    # util-linux fallocate(1): every mode allocates, punches, collapses, zeroes or inserts in the file it is given.
    "fallocate": {
        "opts": "c|collapse-range d|dig-holes i|insert-range l|length= n|keep-size o|offset= p|punch-hole z|zero-range x|posix v|verbose",
        "operands": "file:-1",
        "examples": {"fallocate --punch-hole -o 0 -l 1G db.sqlite": ["db.sqlite"], "fallocate -l 1G swapfile": ["swapfile"]},
    },
    "split": {
        "opts": "a|suffix-length= additional-suffix= b|bytes= C|line-bytes= l|lines= n|number= t|separator= filter= numeric-suffixes=? hex-suffixes=?",
        "abbrev": True,
        "operands": "prefix:1",
        "inputs": True,
        "homonyms": True,
        "examples": {"split -b 1m big.log part-": ["part-*"]},
    },
    "csplit": {
        "opts": "f|prefix= b|suffix-format= n|digits= k|keep-files s|quiet|silent z|elide-empty-files suppress-matched",
        "abbrev": True,
        "prefixes": "prefix",
        "inputs": True,
        "examples": {"csplit -f part- notes.txt 2": ["part-*"]},
    },
    "zip": {
        "opts": "b= n= t= tt= x|exclude= i|include= O|output-file= Z|compression-method= P|password= s|split-size= sb= sp= la lf= li lu lw= A T",
        "files": "output-file",
        "operands": "file:0",
        "inputs": True,
        "examples": {"zip -r src.zip src": ["src.zip"], "zip -r /tmp/a.zip .": ["/tmp/a.zip"]},
    },
    # tar -cf/--create --file=A: the archive is written only when tar makes or changes one
    "tar": {
        "opts": (
            "f|file= C|directory= T|files-from= X|exclude-from= exclude= b|blocking-factor= H|format= g|listed-incremental= V|label="
            " N|newer|after-date= newer-mtime= transform|xform= strip-components= owner= group= mode= mtime= I|use-compress-program="
            " index-file= F|info-script|new-volume-script= L|tape-length= K|starting-file= c|create r|append u|update A|catenate|concatenate"
            " delete x|extract|get t|list z j J a"
        ),
        "abbrev": True,
        "oldstyle": True,
        "files": "file index-file",
        "when": "create append update catenate delete",
        "inputs": True,
        "examples": {"tar czf src.tgz src": ["src.tgz"], "tar --create --file=a.tar src": ["a.tar"], "tar xf a.tar": []},
    },
    "7z": {
        "opts": "",
        "subs": {"a|u|d|rn": {"opts": "", "operands": "file:0", "inputs": True}},
        "examples": {"7z a dist/s.7z src": ["dist/s.7z"], "7z x s.7z": []},
    },
    # -- network clients' logs and saved headers -------------------------------------------------
    "curl": {
        "opts": _CURL_VALUES,
        "abbrev": True,
        "files": "dump-header cookie-jar trace trace-ascii stderr etag-save hsts alt-svc libcurl",
        "env": "SSLKEYLOGFILE",  # curl(1) ENVIRONMENT: the TLS secrets of its connections are stored there
        "examples": {
            "curl -D h.txt https://x.example": ["h.txt"],
            "curl -sSc jar.txt https://x.example": ["jar.txt"],
            "SSLKEYLOGFILE=k.log curl https://x.example": ["k.log"],
        },
    },
    "wget": {
        "opts": _WGET_VALUES,
        "abbrev": True,
        "files": "output-file append-output save-cookies warc-file rejected-log",
        "examples": {"wget -o w.log https://x.example": ["w.log"], "wget --output-file=w.log https://x.example": ["w.log"]},
    },
    # rsync --log-file=F (popt: exact long names); the copy itself is effects.py's
    "rsync": {
        "opts": (
            "log-file= log-file-format= e|rsh= rsync-path= exclude= include= exclude-from= include-from= files-from= f|filter="
            " backup-dir= suffix= password-file= port= timeout= T|temp-dir= compare-dest= copy-dest= link-dest= B|block-size="
            " out-format= chmod= max-size= min-size= bwlimit= partial-dir= only-write-batch= write-batch= read-batch="
        ),
        "files": "log-file only-write-batch write-batch",
        # rsync(1): -b puts each replaced or deleted file in --backup-dir, a partial transfer is kept in --partial-dir,
        # and each file is first written in --temp-dir (a relative one is under the destination: read here from the
        # working directory, which the destination usually is below)
        "dirs": "backup-dir temp-dir partial-dir",
        "inputs": True,
        "examples": {
            "rsync -a --log-file=/tmp/r.log src/ dst/": ["/tmp/r.log"],
            "rsync -ab --backup-dir=/tmp/bak src/ dst/": ["/tmp/bak/*"],
            "rsync -a -T /tmp/t --partial-dir=/tmp/p src/ dst/": ["/tmp/t/*", "/tmp/p/*"],
        },
    },
    "ssh": {
        "opts": "B= b= c= D= E= e= F= I= i= J= L= l= m= O= o= P= p= Q= R= S= W= w=",
        "stop": True,
        "runs": True,
        "files": "E",
        "examples": {"ssh -E ssh.log host true": ["ssh.log"]},
    },
    "less": {
        "opts": "o|log-file= O|LOG-FILE= b= h= j= k|lesskey-file= p= P= t= T= x= y= z= lesskey-src=",
        "files": "log-file LOG-FILE",
        "inputs": True,
        "examples": {"less -o s.log README.md": ["s.log"], "less --log-file=s.log README.md": ["s.log"]},
    },
    # -- containers, infrastructure, packages ----------------------------------------------------
    "docker": {
        "opts": "H|host= c|context= config= l|log-level= tlscacert= tlscert= tlskey=",
        "subs": {
            "save|export": {"opts": "o|output= platform=", "files": "output"},
            "image|container": {"opts": "", "subs": {"save|export": {"opts": "o|output= platform=", "files": "output"}}},
            "build": {
                "opts": "o|output= t|tag= f|file= build-arg= target= platform= cache-from= cache-to= secret= ssh= iidfile= metadata-file= label=",
                "csv": "output",
                "dirs": "output",
                "files": "iidfile metadata-file",
            },
            "buildx": {
                "opts": "builder=",
                "subs": {
                    "build|b": {
                        "opts": "o|output= t|tag= f|file= build-arg= target= platform= cache-from= cache-to= secret= ssh= iidfile= metadata-file= label=",
                        "csv": "output",
                        "dirs": "output",
                        "files": "iidfile metadata-file",
                    }
                },
            },
        },
        "examples": {"docker save -o img.tar img": ["img.tar"], "docker buildx build --output type=local,dest=out .": ["out/*"]},
    },
    "terraform": {
        "go": True,
        "opts": "chdir= help version",
        "chdir": "chdir",
        "subs": {
            "plan": {
                "opts": "out= state= state-out= backup= var= var-file= target= replace= lock= lock-timeout= parallelism= refresh=",
                "files": "out state-out backup",
            },
            "apply|refresh|import|destroy": {
                "opts": "state= state-out= backup= var= var-file= target= replace= lock= lock-timeout= parallelism=",
                "files": "state-out backup",
            },
            "output|show": {"opts": "state= json no-color raw"},
        },
        "examples": {"terraform plan -out=tf.plan": ["tf.plan"], "terraform -chdir=infra plan -out tf.plan": ["infra/tf.plan"]},
    },
    "helm": {
        "opts": "kube-context= kubeconfig= n|namespace= registry-config= repository-config= repository-cache=",
        "persistent": "kube-context= kubeconfig= n|namespace= registry-config= repository-config= repository-cache=",
        "subs": {
            "package": {"opts": "d|destination= version= app-version= key= keyring= passphrase-file=", "dirs": "destination", "inputs": True},
            "pull|fetch": {"opts": "d|destination= untardir= version= repo= username= password= ca-file= cert-file= key-file=", "dirs": "destination"},
            "template": {"opts": "output-dir= f|values= set= set-string= set-file= version= repo= n|namespace= name-template=", "dirs": "output-dir"},
        },
        "examples": {"helm package chart -d dist": ["dist/*"], "helm template x chart --output-dir out": ["out/*"]},
    },
    "npm": {
        "opts": "C|prefix= w|workspace= registry= userconfig= globalconfig= cache= loglevel= tag= omit= include=",
        "persistent": "C|prefix= w|workspace= registry= userconfig= globalconfig= cache= loglevel= tag= omit= include=",
        "abbrev": True,
        "subs": {
            "pack": {"opts": "pack-destination=", "dirs": "pack-destination"},
            "install|i|add|ci|update|up|uninstall|rm|link|dedupe|prune|rebuild": {"opts": "", "dirs": "prefix"},
        },
        "examples": {"npm pack --pack-destination /tmp/p": ["/tmp/p/*"], "npm install --prefix vendor x": ["vendor/*"]},
    },
    "gh": {
        "opts": "R|repo=",
        "subs": {
            "release": {"opts": "R|repo=", "subs": {"download": {"opts": "O|output= D|dir= p|pattern= A|archive= R|repo=", "files": "output", "dirs": "dir"}}},
            "run": {"opts": "R|repo=", "subs": {"download": {"opts": "D|dir= n|name= p|pattern= R|repo=", "dirs": "dir"}}},
            "repo": {"opts": "", "subs": {"clone": {"opts": "u|upstream-remote-name=", "operands": "dir:1", "stop": True}}},
            "gist": {"opts": "", "subs": {"clone": {"opts": "", "operands": "dir:1"}}},
        },
        "examples": {"gh release download v1 -O a.zip": ["a.zip"], "gh repo clone x/y dir": ["dir/*"]},
    },
    "go": {
        "go": True,
        "opts": "",
        "subs": {
            # GOBIN=DIR go install PKG@V: the program (PKG's last element) is written into DIR; without GOBIN, ~/go/bin
            # is go's own folder and is left to the rules on writes outside the project
            # (GOPATH's first entry)/bin, ~/go/bin by default: written there too, but only a program named like one the
            # hook or every script runs (programs.shadows_routine: `go install example.com/cmd/git@latest`) is read
            "install": {"opts": "C= p= tags= ldflags= gcflags= asmflags= mod= modfile= overlay= pgo=", "bin": "GOBIN", "bin_default": "GOPATH/bin"},
            "build|test": {
                "opts": (
                    "o= C= p= tags= ldflags= gcflags= asmflags= mod= modfile= "
                    "overlay= pgo= run= bench= timeout= count= coverprofile= cpuprofile= memprofile= outputdir="
                ),
                "files": "o coverprofile cpuprofile memprofile",
                "dirs": "outputdir",
                "chdir": "C",
            },
        },
        "examples": {
            "go build -o bin/app .": ["bin/app"],
            "go test -coverprofile=c.out ./...": ["c.out"],
            "GOBIN=/tmp/b go install x.example/cmd/t@v1": ["/tmp/b/t"],
            "go install x.example/cmd/git@latest": ["~/go/bin/git"],
            "GOPATH=/g go install x.example/sh/v2@latest": ["/g/bin/sh"],
            "go install golang.org/x/tools/gopls@latest": [],
        },
    },
    "cargo": {
        "opts": "",
        "env_dirs": "CARGO_INSTALL_ROOT",
        "subs": {"install": {"opts": "root= version= git= branch= tag= rev= path= features= target= j|jobs= index= registry=", "dirs": "root"}},
        "examples": {"cargo install --root vendor x": ["vendor/*"], "CARGO_INSTALL_ROOT=/tmp/c cargo install x": ["/tmp/c/*"]},
    },
    "gem": {
        "opts": "",
        "env_dirs": "GEM_HOME",
        "subs": {
            "install|update": {
                "opts": "i|install-dir= n|bindir= v|version= s|source= p|http-proxy= build-root= document= platform= g|file= P|trust-policy=",
                "dirs": "install-dir bindir build-root",
            }
        },
        "examples": {"gem install -i vendor/gems x": ["vendor/gems/*"], "GEM_HOME=/tmp/g gem install x": ["/tmp/g/*"]},
    },
    "bun": {
        "opts": "",
        "env_dirs": "BUN_INSTALL",
        "subs": {
            "install|i|add|a|update|link": {
                "opts": "global-dir= global-bin-dir= cwd= c|config= registry= cache-dir= backend= omit=",
                "dirs": "global-dir global-bin-dir",
                "chdir": "cwd",
            }
        },
        "examples": {"bun add -g --global-dir /tmp/b x": ["/tmp/b/*"]},
    },
    "uv": {
        # UV_PROJECT_ENVIRONMENT: the virtualenv `uv sync`, `uv run`, `uv add` make and fill (the project's .venv by default)
        "opts": "",
        "env_dirs": "UV_PROJECT_ENVIRONMENT",
        "examples": {"UV_PROJECT_ENVIRONMENT=/tmp/e uv sync": ["/tmp/e/*"]},
    },
    "make": {
        # NAME=VALUE operands that name where `make install` puts what it builds (the GNU Coding Standards' names)
        "opts": (
            "C|directory= f|file|makefile= I|include-dir= j|jobs=? l|load-average=? o|old-file|assume-old= "
            "W|what-if|new-file|assume-new= O|output-sync= E|eval= debug= jobserver-style= shuffle="
        ),
        # (compared in lower case; the GNU Coding Standards' "Variables for Installation Directories" in full, automake's
        # pkg*dir, qmake's INSTALL_ROOT: round 16f, `make install PREFIX=~/.local SYSCONFDIR=/etc` was allowed)
        "assign_dirs": (
            "destdir prefix exec_prefix bindir sbindir libexecdir datarootdir datadir sysconfdir sharedstatedir "
            "localstatedir runstatedir includedir oldincludedir docdir infodir htmldir dvidir pdfdir psdir libdir lispdir "
            "localedir mandir man1dir man2dir man3dir man4dir man5dir man6dir man7dir man8dir man9dir manndir pkgdatadir "
            "pkglibdir pkgincludedir pkglibexecdir install_dir installdir install_root installroot install_prefix"
        ),
        "chdir": "C",
        "examples": {"make install DESTDIR=/tmp/stage": ["/tmp/stage/*"], "make test": []},
    },
    "gpg": {
        "opts": "o|output= r|recipient= u|local-user= homedir= keyring= secret-keyring= trustdb-name= default-key= passphrase= passphrase-file= s|sign",
        "abbrev": True,
        "files": "output",
        "inputs": True,
        "examples": {"gpg -o out.gpg -e in.txt": ["out.gpg"]},
    },
    "ssh-keygen": {
        "opts": "f= t= b= C= N= P= m= Z= O= a= n= I= V= s= z= r= Y= G= M= S= w= j= J= K= l y B F= Q L D= e R= H",
        "files": "f",
        "unless": "l y B F Q L D e R H",
        "examples": {"ssh-keygen -t ed25519 -f id_test": ["id_test"], "ssh-keygen -l -f id.pub": []},
    },
    "pip": {
        "env_dirs": "PYTHONUSERBASE",  # with --user, pip installs under it (lib/pythonX.Y/site-packages: a virtualenv's layout)
        "opts": (
            "log= log-file= r|requirement= c|constraint= t|target= d|dest= i|index-url= extra-index-url= f|find-links= e|editable= prefix= "
            "root= src= w|wheel-dir= python= cache-dir= proxy= cert= client-cert= platform= python-version= abi= implementation="
        ),
        "persistent": "log= log-file=",
        "files": "log log-file",
        "subs": {
            "install|download|wheel|uninstall|list|show|freeze": {
                "opts": (
                    "r|requirement= c|constraint= t|target= d|dest= i|index-url= extra-index-url= f|find-links= e|editable= "
                    "prefix= root= src= w|wheel-dir= platform= python-version= abi= implementation="
                ),
                "files": "log log-file",
                # where packages are installed, saved or unpacked: a folder written into (a package there is code)
                "dirs": "target dest wheel-dir prefix root src",
                # --root: the install below it, as DESTDIR (`--root /tmp/stage --prefix /usr`); --target is moved into place
                "stage": "root prefix",
            }
        },
        "examples": {
            "pip install --log pip.log requests": ["pip.log"],
            "pip install --target vendor requests": ["vendor/*"],
            "pip download -d /tmp/pkgs requests": ["/tmp/pkgs/*"],
            "pip wheel -w dist .": ["dist/*"],
        },
    },
    # -- git's own output files (the rest of git's writing is effects.py's and the git rules') ----
    "git": {
        "opts": "C= c= config-env= exec-path=? git-dir= work-tree= namespace= super-prefix= p|paginate P|no-pager bare",
        "chdir": "C",
        # git's index where GIT_INDEX_FILE says; its trace files (trace.c: an absolute path is a file appended to, 1-9 a
        # descriptor; trace2: an absolute path is a file, or a folder of one file per process)
        "env": "GIT_INDEX_FILE",
        "env_abs": (
            "GIT_TRACE GIT_TRACE_PACK_ACCESS GIT_TRACE_PACKET GIT_TRACE_PACKFILE GIT_TRACE_PERFORMANCE GIT_TRACE_SETUP"
            " GIT_TRACE_SHALLOW GIT_TRACE_CURL GIT_TRACE_REFS GIT_TRACE_FSMONITOR GIT_TRACE2 GIT_TRACE2_EVENT GIT_TRACE2_PERF"
        ),
        "subs": {
            "log|diff|show|whatchanged|diff-tree|diff-index|diff-files|range-diff|format-patch": {
                "opts": _GIT_DIFF_OUTPUT + "o|output-directory= U|unified= n|max-count= since= until= author= grep= format= pretty= S= G= L=",
                "abbrev": True,
                "files": "output",
                "dirs": "output-directory",
            },
            "archive": {"opts": "o|output= format= prefix= remote= exec= add-file= add-virtual-file=", "abbrev": True, "files": "output"},
            "bundle": {
                "opts": "",
                "subs": {"create": {"opts": "q|quiet progress all-progress all-progress-implied version=", "operands": "file:0", "abbrev": True}},
            },
        },
        "examples": {
            "git diff --output=o.patch": ["o.patch"],
            "git bundle create r.bundle HEAD": ["r.bundle"],
            "git format-patch -o p HEAD~1": ["p/*"],
            "git -C a -C b log --output=o.txt": ["a/b/o.txt"],
            "GIT_TRACE=/tmp/t.log GIT_TRACE_PACKET=1 git status": ["/tmp/t.log"],
            "GIT_INDEX_FILE=idx git -C a read-tree HEAD": ["a/idx"],
        },
    },
}


def _inherit(entry: dict[str, object]) -> None:
    """Go-style option syntax holds for a program's subcommands too (`terraform plan -out=F`)."""
    subs = entry.get("subs")
    if isinstance(subs, dict):
        for sub in subs.values():
            if entry.get("go"):
                sub.setdefault("go", True)
            _inherit(sub)


for _entry in TABLE.values():
    _inherit(_entry)
for _alias, _of in (
    ("cc", "gcc"),
    ("g++", "gcc"),
    ("c++", "gcc"),
    ("clang", "gcc"),
    ("clang++", "gcc"),
    ("gfortran", "gcc"),
    ("pip3", "pip"),
    ("gpg2", "gpg"),
    ("tofu", "terraform"),
    ("podman", "docker"),
    ("7za", "7z"),
    ("7zz", "7z"),
    ("bsdtar", "tar"),
    ("gtar", "tar"),
    ("pg_dumpall", "pg_dump"),
    ("mariadb-dump", "mysqldump"),
):
    TABLE[_alias] = TABLE[_of]


# Project scripts whose words are an installer's, read the same way when an interpreter runs them (`python3 setup.py
# install --prefix=D`, `./setup.py install`): not in TABLE, so a script's name never makes a program known to the rules.
SCRIPTS: dict[str, dict[str, object]] = {
    "setup.py": {
        # distutils/setuptools: global options, then a command and its options (the first command is read)
        "opts": "q|quiet v|verbose n|dry-run no-user-cfg",
        "subs": {
            "install": {
                "opts": (
                    "prefix= exec-prefix= home= install-base= install-platbase= root= install-purelib= install-platlib= "
                    "install-lib= install-headers= install-scripts= install-data= record= O|optimize= f|force skip-build user compile "
                    "no-compile single-version-externally-managed old-and-unmanageable"
                ),
                # where the package is installed: a folder written into (a package there is code)
                "dirs": (
                    "prefix exec-prefix home install-base install-platbase root install-purelib install-platlib install-lib "
                    "install-headers install-scripts install-data"
                ),
                # --root: every install directory below it (distutils' change_roots), as DESTDIR
                "stage": (
                    "root prefix exec-prefix home install-base install-platbase install-purelib install-platlib install-lib "
                    "install-headers install-scripts install-data"
                ),
                "files": "record",
            },
            "develop": {
                "opts": "d|install-dir= s|script-dir= b|build-directory= uninstall u m|multi-version x|exclude-scripts user no-deps N|always-unzip",
                "dirs": "install-dir script-dir",
            },
            "install_lib|install_scripts|install_data|install_headers": {
                "opts": "d|install-dir= b|build-dir= f|force compile no-compile O|optimize= skip-build",
                "dirs": "install-dir",
            },
        },
    },
}


class Reading:
    """What one command's words say it writes: (word, FILE|DIR|PREFIX) pairs, and which words are outputs (not read)
    and which are inputs the program only reads."""

    __slots__ = ("written", "outputs", "inputs")

    def __init__(self) -> None:
        self.written: list[tuple[Word, str]] = []
        self.outputs: set[int] = set()
        self.inputs: list[Word] = []


_SPECS: dict[int, Spec] = {}


def _spec(entry: dict[str, object], persistent: str) -> Spec:
    got = _SPECS.get(id(entry))
    if got is None:
        from .options import Spec, _compile

        got = Spec()
        got.abbrev = bool(entry.get("abbrev"))
        got.go = bool(entry.get("go"))
        opts = entry.get("opts", "")
        _compile((opts if isinstance(opts, str) else "") + " " + persistent, got)
        _SPECS[id(entry)] = got
    return got


def _names(entry: dict[str, object], key: str) -> frozenset[str]:
    v = entry.get(key, "")
    return frozenset(v.split()) if isinstance(v, str) else frozenset()


def written(name: str, args: list[Word], env: dict[str, str] | None = None) -> Reading | None:
    """The files, folders and prefixes *name* writes with these words (and the variables *env* set for it), per TABLE;
    None for a program not in it."""
    entry = TABLE.get(name) or SCRIPTS.get(name)
    if entry is None:
        return None
    from .ir import Word

    out = Reading()
    _env_outputs(entry, env or {}, out)
    if entry.get("oldstyle") and args and args[0].value[:1] not in ("-", "") and DYN not in args[0].value:
        args = _oldstyle(_spec(entry, ""), args)
    persistent = ""
    opts: list[tuple[str, Word | None, int]] = []  # (canonical name, value word, index of the word holding it)
    ops: list[Word] = []
    level_entry = entry
    i = 0
    ended = False
    while i < len(args):
        spec = _spec(level_entry, persistent)
        w = args[i]
        v = w.value
        if not ended and v == "--":
            ended = True
            i += 1
            continue
        if not ended and len(v) > 1 and v[0] == "-" and DYN not in v[:2] and not (level_entry.get("stop") and ops):
            i = _option(spec, level_entry, w, args, i, opts)
            continue
        subs = level_entry.get("subs")
        if isinstance(subs, dict) and not ops and not ended:
            nxt = next((e for k, e in subs.items() if v in k.split("|")), None)
            if nxt is None:
                return _moved(out, entry, level_entry, opts)  # a subcommand the table does not know: nothing read from it
            p = level_entry.get("persistent", "")
            persistent = p if isinstance(p, str) else persistent
            level_entry = nxt
            i += 1
            continue
        ops.append(w)
        i += 1
    if isinstance(level_entry.get("subs"), dict):
        return _moved(out, entry, level_entry, opts)  # no subcommand given
    given = {o for o, _, _ in opts}
    when = _names(level_entry, "when")
    if given & _names(level_entry, "unless") or given & _names(entry, "unless") or (when and not given & when):
        # nothing written (`ssh-keygen -l -f K`, `tar -xf A --exclude=P`): every value and operand is only read
        out.inputs.extend(w for _, w, _ in opts if w is not None)
        if level_entry.get("inputs"):
            out.inputs.extend(ops)
        return out
    kinds = ((FILE, "files"), (DIR, "dirs"), (PREFIX, "prefixes"))
    each = _names(level_entry, "each")
    csv = _names(level_entry, "csv")
    stage_spec = level_entry.get("stage")
    stage_opt, *led = stage_spec.split() if isinstance(stage_spec, str) else [""]
    staged_dirs: list[tuple[str, str, Word]] = []
    for kind, key in kinds:
        for opt_name in _names(level_entry, key):
            vals = [(w, at) for o, w, at in opts if o == opt_name and w is not None]
            out.outputs.update(id(args[at]) for _, at in vals)  # each names an output (not something read)
            if opt_name not in each:
                vals = vals[-1:]  # the last one given wins
            for given_word, _at in vals:
                target = _csv_dest(given_word) if opt_name in csv else given_word
                if target is None or target.value in ("", "-"):
                    continue
                if stage_opt and opt_name in (stage_opt, *led) and kind == DIR and DYN not in target.value:
                    # `pip install --root /tmp/stage --prefix /usr`: --root leads every install directory (as DESTDIR)
                    staged_dirs.append(("destdir" if opt_name == stage_opt else opt_name, target.value, target))
                    continue
                out.written.append((_named(target, kind), kind))
    if staged_dirs:
        from .installdest import staged

        for value, raw in staged(staged_dirs, None):
            out.written.append((_named(Word(value, raw), DIR), DIR))
    spec_ops = level_entry.get("operands", "")
    taken: set[int] = set()
    for item in spec_ops.split() if isinstance(spec_ops, str) else ():
        kind, _, at = item.partition(":")
        k = int(at)
        if -len(ops) <= k < len(ops) and ops[k].value not in ("", "-"):
            w = ops[k]
            out.outputs.add(id(w))
            taken.add(id(w))
            out.written.append((_named(w, kind), kind))
    assigned = _names(entry, "assign_dirs")
    dirs: list[tuple[str, str, Word]] = []
    for w in ops if assigned else ():
        # `make install DESTDIR=D PREFIX=P`: the operand sets a variable naming where the recipes install (round 12a).
        name, eq, value = w.value.partition("=")
        if eq and name.lower() in assigned and value and DYN not in value:
            out.outputs.add(id(w))
            dirs.append((name.lower(), value, w))
    if dirs:
        from .installdest import staged

        for value, raw in staged(dirs, (env or {}).get("DESTDIR")):
            out.written.append((_named(Word(value, raw), DIR), DIR))
    var = level_entry.get("bin")
    where = (env or {}).get(var, "") if isinstance(var, str) else ""
    default = level_entry.get("bin_default")
    routine_only = False
    if not where and isinstance(default, str):
        # the variable unset: the tool's own folder, where only a program shadowing a routine one is read
        root_var, _, sub = default.partition("/")
        root = (env or {}).get(root_var, "").split(":", 1)[0]
        where, routine_only = (root.rstrip("/") if root else "~/go") + "/" + sub, True
    if where and DYN not in where:
        from .programs import shadows_routine

        for w in ops:
            parts = w.value.split("@", 1)[0].rstrip("/").split("/")
            if len(parts) > 1 and parts[-1][:1] == "v" and parts[-1][1:].isdigit():
                parts.pop()  # a major version's suffix (`…/yq/v4`): the program is named after the element before
            prog = parts[-1]
            if prog and prog not in ("...", ".", "..") and DYN not in prog and (not routine_only or shadows_routine(prog)):
                out.written.append((Word(where.rstrip("/") + "/" + prog, w.raw), FILE))
    if level_entry.get("inputs") or level_entry.get("runs"):
        out.inputs.extend(a for a in ops if id(a) not in taken)
    # The values of the options the table lists and does not name as outputs (tar --exclude, curl -K): known, not written.
    written_opts = {n for _, key in kinds for n in _names(level_entry, key)}
    out.inputs.extend(w for o, w, _ in opts if w is not None and o not in written_opts)
    return _moved(out, entry, level_entry, opts)


def _moved(out: Reading, entry: dict[str, object], level_entry: dict[str, object], opts: list[tuple[str, Word | None, int]]) -> Reading:
    """*out* with its relative paths under the folder the ``chdir`` options moved to (`git -C a -C b`)."""
    from .ir import Word

    moves = _names(entry, "chdir") | _names(level_entry, "chdir")
    base = ""
    for o, moved, _ in opts:
        if o in moves and moved is not None and moved.value:
            d = moved.value
            base = d if d.startswith(("/", "~")) or not base else base.rstrip("/") + "/" + d
    if base:
        out.written = [(t if t.value.startswith(("/", "~")) else Word(base.rstrip("/") + "/" + t.value, t.raw), k) for t, k in out.written]
    return out


def _env_outputs(entry: dict[str, object], env: dict[str, str], out: Reading) -> None:
    """The files the variables *env* sets name, per the entry's ``env`` and ``env_abs`` (see the module's docstring)."""
    if not env:
        return
    from .ir import Word

    for key, absolute in (("env", False), ("env_abs", True)):
        for var in _names(entry, key) & env.keys():
            v = env[var]
            if not v or v.startswith(DYN) or (absolute and not v.startswith(("/", "~"))):
                continue  # unset, unknown, or a descriptor / switch (`GIT_TRACE=1`)
            out.written.append((Word(v, f"{var}={v}"), FILE))
    for var in _names(entry, "env_dirs") & env.keys():
        # A folder the program installs into, named by its variable (`CARGO_INSTALL_ROOT=D cargo install`, round 12a).
        v = env[var]
        if v and not v.startswith(DYN):
            out.written.append((_named(Word(v, f"{var}={v}"), DIR), DIR))


def _named(w: Word, kind: str) -> Word:
    """What is written: the file itself; the files of unknown names in a folder (`DIR/*`); the files whose names
    start with a prefix (`PREFIX*`: split's xaa, csplit's xx00)."""
    from .ir import Word

    if kind == DIR:
        return Word(w.value.rstrip("/") + "/*", w.raw)
    if kind == PREFIX:
        return Word(w.value + "*", w.raw)
    return w


def _oldstyle(spec: Spec, args: list[Word]) -> list[Word]:
    """`tar czf A.tgz src` as `tar -c -z -f A.tgz src`: each letter of the first word is an option, and those that
    take a value take the words after it in order (the value words kept as they are)."""
    from .ir import Word
    from .options import NONE

    first, rest = args[0], list(args[1:])
    out: list[Word] = []
    for ch in first.value:
        out.append(Word("-" + ch, first.raw))
        o = spec.shorts.get(ch)
        if o is not None and o.arg != NONE and rest:
            out.append(rest.pop(0))
    return out + rest


def _option(spec: Spec, entry: dict[str, object], w: Word, args: list[Word], i: int, opts: list[tuple[str, Word | None, int]]) -> int:
    """Read the option word args[i] (a cluster, `--opt=v`, `-ov`, or one taking the next word); return the next index."""
    from .ir import Word
    from .options import NONE, OPTIONAL, Opt

    v = w.value
    nxt = args[i + 1] if i + 1 < len(args) else None
    if entry.get("cc"):
        # gcc's single-dash options: `-o F`, `-oF`; the rest (-Wall, -O2, -fno-omit-frame-pointer) are words of their own
        body = v[1:]
        o = spec.longs.get(body) or (spec.shorts.get(body) if len(body) == 1 else None)
        if o is not None and o.arg != NONE:
            opts.append((o.name, nxt, i + 1))
            return i + 2
        o = spec.shorts.get(body[:1])
        if o is not None and o.arg != NONE and body[:1] in "oIlLDUxB":
            opts.append((o.name, Word(body[1:], w.raw), i))
        return i + 1
    if entry.get("go") or v.startswith("--"):
        body = v.lstrip("-")
        key, eq, val = body.partition("=")
        found = spec.long(key)
        if not isinstance(found, Opt):
            return i + 1  # not an output option here, or an abbreviation the program refuses (AMBIGUOUS)
        if found.arg == NONE:
            opts.append((found.name, None, i))
            return i + 1
        if eq:
            opts.append((found.name, Word(val, w.raw), i))
            return i + 1
        if found.arg == OPTIONAL:
            opts.append((found.name, None, i))
            return i + 1
        opts.append((found.name, nxt, i + 1))
        return i + 2
    body = v[1:]
    for j, ch in enumerate(body):
        o = spec.shorts.get(ch)
        if o is None:
            continue
        if o.arg == NONE:
            opts.append((o.name, None, i))
            continue
        glued = body[j + 1 :]
        if glued or o.arg == OPTIONAL:
            opts.append((o.name, Word(glued, w.raw) if glued else None, i))
            return i + 1
        opts.append((o.name, nxt, i + 1))
        return i + 2
    return i + 1


def _csv_dest(w: Word) -> Word | None:
    """The folder or file a `type=local,dest=D` value names (docker build --output); a plain value is a path itself."""
    from .ir import Word

    v = w.value
    if "=" not in v:
        return w
    fields = dict(f.partition("=")[::2] for f in v.split(","))
    dest = fields.get("dest") or fields.get("dst") or fields.get("destination")
    if not dest or fields.get("type", "local") not in ("local", "tar", "oci", "docker"):
        return None
    return Word(dest, w.raw)


# Programs known only to read (or only to list) the paths they are given: the safety net (rules/fs.py
# fs.protected-argument) leaves their arguments alone.  Writers effects.py reads exhaustively are left alone there too.
READ_ONLY = frozenset(
    {
        "cat", "tac", "nl", "less", "more", "head", "tail", "bat", "batcat", "view", "wc", "grep", "egrep", "fgrep", "rg",
        "ag", "ack", "jq", "gojq", "jaq", "diff", "diff3", "cmp", "comm", "sdiff", "colordiff", "delta", "difft", "md5sum",
        "sha1sum", "sha224sum", "sha256sum", "sha384sum", "sha512sum", "b2sum", "cksum", "sum", "md5", "shasum", "file", "stat",
        "ls", "tree", "du", "realpath", "readlink", "dirname", "basename", "test", "[", "strings", "od", "hexdump", "xxd",
        "cut", "sort", "uniq", "tr", "column", "fold", "fmt", "paste", "join", "look", "echo", "printf", "wdiff", "jless",
        "fx", "gron", "json_pp", "jsonlint", "python-json", "shellcheck", "lsattr", "getfacl", "namei", "source", ".",
    }
)  # fmt: skip
