"""Option tables of the programs clearance reads closely, as plain data (compiled lazily by options.py).

An entry is names joined by ``|``; the first is the canonical name, one-letter
names are short options.  ``=`` after an entry: it takes a value (the next word,
``--opt=v`` or ``-Xv``); ``=?``: an optional value, only glued (``--opt=v``).

Per table: ``opts``; ``subs`` (subcommand -> table or option string; names
joined by ``|`` share a table); ``abbrev`` (unique prefixes of long options are
accepted: git's parse-options, GNU getopt_long, npm's nopt; not cobra/pflag,
clap or Go's flag); ``sub_abbrev`` (the default for the subcommands);
``persistent`` (options accepted at every level: cobra persistent flags, npm
config); ``pflag`` (``--flag=false`` turns a flag off); ``go`` (Go's flag
package: ``-name`` is a long option); ``stop`` (options end at the first
operand); ``dirs`` (options that move the working directory); ``inert`` (options after which the program
only prints or tests); ``exact`` (the table lists every long option of the program and no other, so an
abbreviation it finds ambiguous is one the program refuses); ``help_words`` (git's parse-options: ``-h``
and ``--help`` print the usage at every level).

Sources: git's builtin/*.c ``struct option`` arrays and git.c ``handle_options``
(git 2.4x); GNU coreutils rm.c/mv.c/cp.c/chmod.c/chown.c ``long_options``;
``kubectl options``/``kubectl delete --help``; ``docker --help``; terraform's
command/meta.go; npm's config definitions (shorthands).
"""

_GIT_PATHSPEC = "pathspec-from-file= pathspec-file-nul"
_GIT_CONFIG = (
    "global system local worktree f|file= blob= get get-all get-regexp get-urlmatch replace-all add unset unset-all"
    " rename-section remove-section l|list fixed-value e|edit get-color= get-colorbool= t|type= bool int bool-or-int"
    " bool-or-str path expiry-date no-type z|null name-only includes show-origin show-scope default= comment="
    " all value= url= append regexp"
)
_KUBE_GLOBAL = (
    "n|namespace= context= kubeconfig= s|server= cluster= user= as= as-group= as-uid= token= request-timeout="
    " insecure-skip-tls-verify certificate-authority= client-certificate= client-key= tls-server-name="
    " match-server-version v= log-flush-frequency= password= username= profile= profile-output= cache-dir="
    " disable-compression warnings-as-errors"
)
_KUBE_CONFIG_VERBS = (
    "use-context|use|delete-context|delete-cluster|delete-user|set-context|set-cluster|set-credentials|set|unset|view|get-contexts"
    "|current-context|rename-context"
)
_KUBE_SELECT = "A|all-namespaces l|selector= field-selector= f|filename= k|kustomize= R|recursive o|output= dry-run=?"
_TF_COMMON = "lock=? lock-timeout= input=? no-color var= var-file= compact-warnings json parallelism= state= state-out= backup="
_NPM_GLOBAL = (
    "C|prefix= w|workspace= ws|workspaces include-workspace-root g|global f|force y|yes registry= userconfig= globalconfig="
    " D|save-dev S|save P|save-prod O|save-optional E|save-exact B|save-bundle dry-run ignore-scripts loglevel= s|silent"
    " q|quiet d|loglevel=? otp= tag= access= scope= cache= legacy-peer-deps omit= include= production script-shell= shell="
)
_DOCKER_RUN = (
    "a|attach= d|detach i|interactive t|tty rm e|env= env-file= v|volume= mount= p|publish= P|publish-all name= w|workdir="
    " u|user= network= net= entrypoint= privileged cap-add= cap-drop= security-opt= pid= ipc= uts= userns= device="
    " h|hostname= l|label= m|memory= cpus= gpus= restart= platform= pull= init read-only tmpfs= add-host= dns="
    " expose= health-cmd= log-driver= log-opt= c|cpu-shares= group-add= ulimit= runtime= shm-size= stop-signal="
    " label-file= cidfile= sig-proxy=? q|quiet"
    # The rest of docker run's options (its reference), a list extension: an option the table lacks that takes a value
    # made the value the image and the image the command, so the command given was never read.
    " annotation= blkio-weight= blkio-weight-device= cgroup-parent= cgroupns= cpu-count= cpu-percent= cpu-period="
    " cpu-quota= cpu-rt-period= cpu-rt-runtime= cpuset-cpus= cpuset-mems= device-cgroup-rule= device-read-bps="
    " device-read-iops= device-write-bps= device-write-iops= disable-content-trust=? dns-option= dns-search= domainname="
    " health-interval= health-retries= health-start-interval= health-start-period= health-timeout= help ip= ip6="
    " isolation= kernel-memory= link= link-local-ip= mac-address= memory-reservation= memory-swap= memory-swappiness="
    " network-alias= no-healthcheck oom-kill-disable oom-score-adj= pids-limit= stop-timeout= storage-opt= sysctl="
    " use-api-socket volume-driver= volumes-from= detach-keys="
    # podman's and nerdctl's own (read with this table): --rootfs makes the first operand a host folder, not an image.
    " rootfs pod= arch= os= variant= authfile= creds= secret= hooks-dir= cgroup-conf= cgroups= passwd-entry= personality="
    " preserve-fds= requires= sdnotify= seccomp-policy= subgidname= subuidname= systemd= timeout= tls-verify=? umask="
    " unsetenv= userns-uid-map= gidmap= uidmap= chrootdirs= conmon-pidfile= decryption-key= env-host env-merge= http-proxy=?"
    " image-volume= init-path= log-opt= pidfile= replace"
)

_GO_BUILD_FLAGS = (
    "C= exec= toolexec= vettool= o= p= tags= ldflags= gcflags= asmflags= gccgoflags= mod= modfile= overlay= pgo="
    " pkgdir= buildmode= compiler= installsuffix= covermode= coverpkg= buildvcs=? run= bench= benchtime= timeout="
    " count= cpu= parallel= shuffle= fuzz= fuzztime= skip= list= coverprofile= cpuprofile= memprofile= blockprofile="
    " mutexprofile= trace= outputdir= a n race msan asan v work x cover trimpath linkshared json failfast short"
    " benchmem i"
)

TOOLS: dict[str, dict[str, object]] = {
    "git": {
        # git.c handle_options: exact names only; the subcommands use parse-options, which takes prefixes.
        "opts": (
            "C= c= config-env= exec-path=? git-dir= work-tree= namespace= super-prefix= p|paginate P|no-pager bare"
            " no-replace-objects no-lazy-fetch literal-pathspecs glob-pathspecs noglob-pathspecs icase-pathspecs"
            " no-optional-locks no-advice list-cmds= attr-source= html-path man-path info-path version help"
        ),
        "inert": "version help",
        "help_words": True,
        "abbrev": False,
        "sub_abbrev": True,
        "stop": True,
        "dirs": ("C", "git-dir", "work-tree"),
        "subs": {
            "push": (
                "v|verbose q|quiet repo= all|branches mirror d|delete tags n|dry-run porcelain f|force force-with-lease=?"
                " force-if-includes recurse-submodules= thin receive-pack|exec= u|set-upstream progress prune verify"
                " follow-tags signed=? atomic o|push-option= 4|ipv4 6|ipv6"
            ),
            "reset": "q|quiet no-refresh refresh mixed soft hard merge keep recurse-submodules=? p|patch N|intent-to-add U|unified= inter-hunk-context= "
            + _GIT_PATHSPEC,
            "clean": "q|quiet n|dry-run f|force i|interactive d x X e|exclude=",
            "checkout": (
                "q|quiet b= B= l orphan= 2|ours 3|theirs t|track=? guess f|force m|merge conflict= p|patch d|detach"
                " ignore-skip-worktree-bits ignore-other-worktrees overwrite-ignore progress recurse-submodules=? overlay " + _GIT_PATHSPEC
            ),
            # In git switch, -f/--force is an alias of --discard-changes.
            "switch": (
                "c|create= C|force-create= d|detach guess discard-changes|f|force m|merge conflict= q|quiet progress"
                " t|track=? orphan= ignore-other-worktrees recurse-submodules=?"
            ),
            "restore": (
                "s|source= S|staged W|worktree ignore-unmerged overlay q|quiet recurse-submodules=? progress m|merge"
                " conflict= 2|ours 3|theirs p|patch ignore-skip-worktree-bits U|unified= inter-hunk-context= " + _GIT_PATHSPEC
            ),
            "branch": (
                "v|verbose q|quiet t|track=? set-upstream-to|u= unset-upstream color=? r|remotes contains= no-contains="
                " with= without= a|all d|delete D m|move M c|copy C l|list show-current create-reflog edit-description"
                " f|force merged=? no-merged=? column=? sort= points-at= i|ignore-case recurse-submodules format= abbrev=? omit-empty"
            ),
            "stash": {
                "opts": "p|patch S|staged k|keep-index u|include-untracked a|all q|quiet m|message= " + _GIT_PATHSPEC,
                "subs": {
                    "push": "p|patch S|staged k|keep-index u|include-untracked only-untracked a|all q|quiet m|message= " + _GIT_PATHSPEC,
                    "save": "p|patch S|staged k|keep-index u|include-untracked a|all q|quiet",
                    "drop": "q|quiet",
                    "clear": "",
                    "pop|apply": "index q|quiet",
                    "list|show|create|store|branch": "m|message= q|quiet include-untracked only-untracked u p|patch",
                },
            },
            "commit": (
                "a|all i|include o|only p|patch m|message= F|file= C|reuse-message= c|reedit-message= fixup= squash= amend"
                " e|edit s|signoff S|gpg-sign=? n|verify allow-empty allow-empty-message q|quiet v|verbose dry-run"
                " u|untracked-files=? author= date= t|template= cleanup= z|null porcelain short long status branch"
                " reset-author trailer= " + _GIT_PATHSPEC
            ),
            "rebase": (
                "onto= keep-base continue abort quit skip edit-todo show-current-patch i|interactive x|exec= r|rebase-merges=?"
                " root autosquash autostash update-refs q|quiet v|verbose n|no-stat stat signoff f|force-rebase|ff"
                " committer-date-is-author-date ignore-date ignore-whitespace whitespace= C= S|gpg-sign=? m|merge s|strategy="
                " X|strategy-option= empty= fork-point reschedule-failed-exec keep-empty apply"
            ),
            # A shell script reading "$1" exactly: no prefixes.
            "filter-branch": {
                "opts": (
                    "env-filter= tree-filter= index-filter= parent-filter= msg-filter= commit-filter= tag-name-filter="
                    " subdirectory-filter= prune-empty original= d= f|force state-branch= setup="
                ),
                "abbrev": False,
            },
            "filter-repo": {"opts": "force path= invert-paths replace-text= analyze dry-run", "abbrev": False},
            "config": {
                "opts": _GIT_CONFIG,
                "subs": {"get|set|unset|list|edit|rename-section|remove-section|get-color": _GIT_CONFIG},
            },
            "remote": {
                "opts": "v|verbose",
                "subs": {
                    "add": "t|track= m|master= f|fetch tags mirror=?",
                    "rename": "progress",
                    "remove|rm": "",
                    "set-head": "a|auto d|delete",
                    "set-branches": "add",
                    "get-url": "push all",
                    "set-url": "push add delete",
                    "show": "n",
                    "prune": "n|dry-run",
                    "update": "p|prune",
                },
            },
            "tag": (
                "l|list n=? d|delete v|verify a|annotate s|sign u|local-user= f|force m|message= F|file= e|edit cleanup="
                " create-reflog contains= no-contains= merged=? no-merged=? points-at=? sort= column=? format= color=?"
                " i|ignore-case omit-empty trailer="
            ),
            "worktree": {
                "subs": {
                    "add": "f|force detach checkout lock reason= orphan q|quiet track guess-remote b= B= relative-paths",
                    "remove": "f|force",
                    "prune": "n|dry-run v|verbose expire=",
                    "move": "f|force",
                    "list": "porcelain v|verbose z expire=",
                    "lock": "reason=",
                    "unlock|repair": "",
                },
            },
            "gc": "q|quiet prune=? aggressive auto force keep-largest-pack cruft max-cruft-size= detach",
            # git-repack(1): -d deletes the packs it replaced; --unpack-unreachable and --cruft-expiration say how old an
            # unreachable object must be to be dropped rather than kept (loose or in a cruft pack)
            "repack": "a A d cruft cruft-expiration= expire-to= combine-cruft-below-size= max-cruft-size= l|local f F "
            "q|quiet n window= depth= threads= window-memory= max-pack-size= filter= filter-to= b|write-bitmap-index "
            "pack-kept-objects k|keep-unreachable i|delta-islands g|geometric= m|write-midx unpack-unreachable= "
            "keep-pack= name-hash-version= path-walk",
            "prune": "n|dry-run v|verbose progress expire=",
            "reflog": {
                "subs": {
                    "expire": "expire= expire-unreachable= rewrite updateref stale-fix n|dry-run verbose all single-worktree",
                    "delete": "rewrite updateref n|dry-run verbose",
                    "drop": "all single-worktree",
                    "show|exists|list": "",
                },
            },
            "update-ref": "m= d no-deref z stdin create-reflog batch-updates",
            # git-fast-import(1): --force lets the stream move branches back (commits lost); it reads only its stdin
            "fast-import": "force quiet stats done date-format= import-marks= import-marks-if-exists= export-marks= "
            "export-pack-edges= max-pack-size= big-file-threshold= depth= active-branches= relative-marks "
            "no-relative-marks allow-unsafe-features cat-blob-fd= signed-commits= signed-tags= rewrite-submodules-from= "
            "rewrite-submodules-to= reencode=",
            "rm": "n|dry-run q|quiet cached f|force r ignore-unmatch sparse " + _GIT_PATHSPEC,
            # git-mv(1): -n/--dry-run only shows what would move (builtin/mv.c: `if (show_only) continue`).
            "mv": "f|force k n|dry-run v|verbose sparse",
            "add": (
                "n|dry-run v|verbose i|interactive p|patch e|edit f|force u|update N|intent-to-add A|all ignore-removal"
                " refresh ignore-errors ignore-missing sparse chmod= renormalize " + _GIT_PATHSPEC
            ),
            "init": "q|quiet bare template= separate-git-dir= object-format= ref-format= b|initial-branch= shared=?",
            "clone": (
                "v|verbose q|quiet progress n|no-checkout bare mirror l|local no-hardlinks s|shared recurse-submodules|recursive=?"
                " j|jobs= template= reference= reference-if-able= dissociate o|origin= b|branch= u|upload-pack= depth="
                " shallow-since= shallow-exclude= single-branch tags shallow-submodules separate-git-dir= c|config="
                " server-option= 4|ipv4 6|ipv6 filter= also-filter-submodules remote-submodules sparse bundle-uri= ref-format= revision="
            ),
            "fetch|pull": (
                "all a|append atomic depth= deepen= shallow-since= shallow-exclude= unshallow update-shallow dry-run f|force"
                " k|keep multiple p|prune P|prune-tags t|tags refmap= recurse-submodules=? j|jobs= u|update-head-ok"
                " upload-pack= q|quiet v|verbose progress o|server-option= 4|ipv4 6|ipv6 set-upstream r|rebase=? ff ff-only"
                " squash commit edit autostash s|strategy= X|strategy-option= verify-signatures"
            ),
            "difftool": "d|dir-diff y|no-prompt prompt symlinks t|tool= tool-help x|extcmd= g|gui trust-exit-code",
            # git-grep(1): -O/--open-files-in-pager[=PAGER] runs PAGER (through the shell) on the matching files.
            "grep": (
                "cached no-index untracked exclude-standard recurse-submodules a|text textconv I max-depth= r|recursive"
                " i|ignore-case w|word-regexp v|invert-match h H full-name E|extended-regexp G|basic-regexp P|perl-regexp"
                " F|fixed-strings n|line-number column l|files-with-matches|name-only L|files-without-match"
                " O|open-files-in-pager=? z|null o|only-matching c|count color=? break heading p|show-function C|context="
                " A|after-context= B|before-context= W|function-context m|max-count= threads= f= e= and or not all-match q|quiet"
            ),
            # git-instaweb(1): --httpd names the web server command it starts; git-daemon(1): --access-hook a program run
            # for every request.
            "instaweb": "l|local d|httpd= m|module-path= p|port= b|browser= start stop restart",
            "daemon": (
                "strict-paths base-path= base-path-relaxed interpolated-path= export-all timeout= init-timeout= max-connections="
                " syslog log-destination= user-path=? verbose reuseaddr detach pid-file= user= group= enable= disable="
                " allow-override= forbid-override= informative-errors access-hook= listen= port= inetd"
            ),
            "ls-remote": "h|heads b|branches t|tags refs upload-pack= q|quiet exit-code get-url symref sort= o|server-option=",
            # git-fetch-pack(1)/git-send-pack(1): the plumbing under fetch and push; --upload-pack/--receive-pack (--exec)
            # name the program run at the other end, through the shell for a local or ssh repository (round 19a).
            "fetch-pack": (
                "all stdin q|quiet k|keep thin include-tag upload-pack|exec= depth= shallow-since= shallow-exclude= deepen-relative"
                " refetch no-progress check-self-contained-and-connected v diag-url"
            ),
            "send-pack": (
                "receive-pack|exec= all mirror n|dry-run f|force v|verbose thin atomic signed=? push-option= stdin force-with-lease=? force-if-includes"
            ),
            "archive": ("format= l|list v|verbose prefix= add-file= add-virtual-file= o|output= worktree-attributes remote= exec= 0 1 2 3 4 5 6 7 8 9 mtime="),
            "submodule": {
                "opts": "q|quiet",
                "subs": {
                    "foreach": {"opts": "q|quiet recursive", "stop": True},
                    "add": "b|branch= f|force name= reference= ref-format= dissociate depth= q|quiet",
                    "status|init|deinit|update|set-branch|set-url|summary|sync|absorbgitdirs": "",
                },
            },
            "bisect": {"subs": {"run": {"stop": True}, "start|bad|good|new|old|terms|skip|reset|visualize|view|replay|log": ""}},
            "merge": (
                "n stat summary log=? squash commit e|edit cleanup= ff ff-only rerere-autoupdate verify-signatures s|strategy="
                " X|strategy-option= m|message= F|file= into-name= v|verbose q|quiet abort quit continue allow-unrelated-histories"
                " progress S|gpg-sign=? autostash overwrite-ignore signoff verify"
            ),
        },
    },
    # GNU coreutils (getopt_long: prefixes accepted).
    "rm": {
        "opts": "f|force i I interactive=? one-file-system no-preserve-root preserve-root=? r|R|recursive d|dir v|verbose help version -presume-input-tty",
        "inert": "help version",
        "abbrev": True,
    },
    "rmdir": {"opts": "ignore-fail-on-non-empty p|parents v|verbose help version", "inert": "help version", "abbrev": True},
    "mv": {
        "opts": (
            "b backup=? debug exchange f|force i|interactive n|no-clobber no-copy strip-trailing-slashes S|suffix= t|target-directory="
            " T|no-target-directory u update=? v|verbose Z|context help version"
        ),
        "inert": "help version",
        "abbrev": True,
    },
    "ln": {
        "opts": (
            "b backup=? d|F|directory f|force i|interactive L|logical n|no-dereference P|physical r|relative s|symbolic S|suffix="
            " t|target-directory= T|no-target-directory v|verbose help version"
        ),
        "inert": "help version",
        "abbrev": True,
    },
    # The go command's build flags (`go help build`, `go help testflag`; Go's flag package: -name and --name, `=` or the
    # next word): -exec runs the built binary through a program, -toolexec every toolchain program, -vettool is vet.
    "go": {
        "go": True,
        "subs": {
            "build|test|install|vet|list|generate": _GO_BUILD_FLAGS,
            # go run [build flags] PACKAGE [ARGUMENTS…]: the words after the package are the program's own.
            "run": {"opts": _GO_BUILD_FLAGS, "stop": True},
        },
    },
    # gawk 5.2 (main.c optlist and optab; options stop at the program operand); mawk's and gawk's `-W NAME[=V]` is
    # read as `--NAME[=V]` by embedded.awk_sources (`mawk -W exec FILE`); onetrue awk's and busybox's are a subset.
    "awk": {
        "opts": (
            "F|field-separator= f|file= v|assign= b|characters-as-bytes c|traditional C|copyright d|dump-variables=?"
            " D|debug=? e|source= E|exec= g|gen-pot h|help i|include= I|trace k|csv l|load= L|lint=? n|non-decimal-data"
            " N|use-lc-numeric o|pretty-print=? O|optimize p|profile=? M|bignum P|posix r|re-interval s|no-optimize"
            " S|sandbox t|lint-old V|version W="
        ),
        "abbrev": True,
        "stop": True,
    },
    # GNU sed 4.9 (sed/sed.c longopts); -i takes its suffix only glued (`-i.bak`, `--in-place=.bak`).
    "sed": {
        "opts": (
            "n|quiet|silent debug e|expression= f|file= follow-symlinks i|in-place=? l|line-length= posix E|r|regexp-extended"
            " s|separate sandbox u|unbuffered z|null-data|zero-terminated b|binary help version"
        ),
        "inert": "help version",
        "abbrev": True,
    },
    "install": {
        "opts": (
            "b backup=? C|compare d|directory D g|group= m|mode= o|owner= p|preserve-timestamps s|strip strip-program="
            " S|suffix= t|target-directory= T|no-target-directory v|verbose preserve-context Z context=? debug help version"
        ),
        "inert": "help version",
        "abbrev": True,
    },
    "cp": {
        "opts": (
            "a|archive attributes-only backup=? b copy-contents d debug f|force i|interactive H l|link L|dereference n|no-clobber"
            " P|no-dereference p preserve=? no-preserve= parents R|r|recursive reflink=? remove-destination sparse= strip-trailing-slashes"
            " s|symbolic-link S|suffix= t|target-directory= T|no-target-directory u update=? v|verbose x|one-file-system Z context=?"
            " keep-directory-symlink help version"
        ),
        "inert": "help version",
        "abbrev": True,
    },
    # chmod reads -r/-w/-x/-X/-s/-t and -0..7 as a mode, not options (chmod.c); options.chmod_mode handles that.
    "chmod": {
        "opts": "c|changes f|silent|quiet v|verbose no-preserve-root preserve-root reference= R|recursive H L P dereference no-dereference help version",
        "inert": "help version",
        "exact": True,
        "abbrev": True,
    },
    "chown|chgrp": {
        "opts": (
            "c|changes f|silent|quiet v|verbose dereference h|no-dereference from= no-preserve-root preserve-root reference= R|recursive H L P help version"
        ),
        "inert": "help version",
        "exact": True,
        "abbrev": True,
    },
    "kubectl": {
        "persistent": _KUBE_GLOBAL,
        "pflag": True,
        "subs": {
            "delete": _KUBE_SELECT + " all cascade=? force grace-period= ignore-not-found=? i|interactive now raw= timeout= wait=?",
            "get": _KUBE_SELECT
            + " w|watch watch-only show-labels L|label-columns= sort-by= chunk-size= ignore-not-found=? raw= subresource= no-headers show-kind",
            "describe": _KUBE_SELECT + " show-events chunk-size=",
            "apply": _KUBE_SELECT
            + " all prune force server-side force-conflicts field-manager= overwrite=? validate=? wait=? grace-period= timeout= prune-allowlist= cascade=?",
            "create|replace|patch|edit|label|annotate|set": _KUBE_SELECT
            + " p|patch= type= force grace-period= overwrite=? validate=? save-config record local",
            "exec": "i|stdin t|tty c|container= q|quiet f|filename= pod-running-timeout=",
            "logs": "f|follow c|container= p|previous tail= since= since-time= timestamps all-containers l|selector= prefix max-log-requests=",
            "scale": _KUBE_SELECT + " replicas= current-replicas= resource-version= all timeout=",
            "drain": (
                "force ignore-daemonsets delete-emptydir-data delete-local-data grace-period= l|selector= pod-selector= timeout= dry-run=?"
                " disable-eviction skip-wait-for-delete-timeout="
            ),
            "cordon|uncordon|taint": "l|selector= dry-run=? overwrite=? all",
            "rollout": {"subs": {"undo|restart|status|history|pause|resume": _KUBE_SELECT + " to-revision= revision= w|watch timeout="}},
            "config": {"subs": {_KUBE_CONFIG_VERBS: "current minify raw flatten o|output= embed-certs=?"}},
            "port-forward|proxy|cp|run|expose|autoscale|top|auth|api-resources|version|cluster-info|wait|debug|attach": (
                "i|stdin t|tty c|container= image= rm restart= env= port= address= replicas= overrides= command for= timeout= l|selector= f|filename="
                " dry-run=? remove-extra-permissions remove-extra-subjects"
            ),
        },
    },
    "docker": {
        # podman (read with this table) adds its remote connection: --url, --connection, --identity, -r|--remote.
        "opts": "config= c|context= D|debug H|host= l|log-level= tls tlscacert= tlscert= tlskey= tlsverify url= connection= identity= r|remote",
        "pflag": True,
        "stop": False,
        "subs": {
            "run|create": {"opts": _DOCKER_RUN, "stop": True},
            "exec": {"opts": "d|detach detach-keys= e|env= env-file= i|interactive privileged t|tty u|user= w|workdir=", "stop": True},
            "rm": "f|force l|link v|volumes",
            "rmi": "f|force no-prune",
            "kill|stop|restart": "s|signal= t|time= timeout=",
            "start": "a|attach i|interactive detach-keys= checkpoint= checkpoint-dir=",
            "attach": "no-stdin detach-keys= sig-proxy=?",
            "build": "t|tag= f|file= build-arg= target= platform= no-cache pull q|quiet progress= secret= ssh= o|output= load push",
            "system|image|container|volume|network|builder|buildx": {
                "opts": "",
                "subs": {
                    "prune": "a|all f|force volumes filter= keep-storage= reserved-space=",
                    "rm|remove": "f|force",
                    "ls|list|inspect|df|info|events": "a|all q|quiet f|filter= format= v|verbose no-trunc",
                },
            },
            "compose": {
                "opts": "f|file= p|project-name= project-directory= profile= env-file= ansi= parallel= progress= compatibility dry-run all-resources",
                "dirs": ("project-directory",),
                "subs": {
                    "down": "rmi= v|volumes remove-orphans t|timeout=",
                    "rm": "f|force s|stop v|volumes",
                    "config": "no-interpolate services volumes profiles images networks hash= q|quiet o|output= format= "
                    "resolve-image-digests lock-image-digests no-normalize no-path-resolution no-consistency variables "
                    "environment",
                    "up": "d|detach build force-recreate no-deps remove-orphans wait no-build pull= V|renew-anon-volumes",
                    "run|exec": {
                        "opts": "d|detach e|env= rm u|user= w|workdir= T|no-TTY i|interactive no-deps service-ports entrypoint= name= v|volume=",
                        "stop": True,
                    },
                },
            },
        },
    },
    "terraform|tofu": {
        "opts": "chdir= help version",
        "go": True,
        "stop": True,
        "dirs": ("chdir",),
        "subs": {
            "destroy": "auto-approve refresh=? target= replace= refresh-only " + _TF_COMMON,
            "apply": "auto-approve destroy refresh=? target= replace= refresh-only " + _TF_COMMON,
            "plan": "destroy refresh=? target= replace= refresh-only out= detailed-exitcode " + _TF_COMMON,
            "import|taint|untaint|refresh|init|validate|fmt|output|show|console|providers|graph|force-unlock|login|logout|test|get": (
                "upgrade reconfigure migrate-state backend=? backend-config= recursive check diff write=? list=? raw force " + _TF_COMMON
            ),
            # state rm and mv rehearse with -dry-run (command/state_rm.go, state_mv.go); push and replace-provider
            # take no such flag (terraform refuses the command line, but that is not relied on).
            "state": {
                "subs": {
                    "rm|mv": {"opts": "dry-run ignore-remote-version " + _TF_COMMON, "stop": True, "inert": "dry-run"},
                    "push|replace-provider": {"opts": "force auto-approve ignore-remote-version " + _TF_COMMON, "stop": True},
                    "pull|list|show": "id= ignore-remote-version " + _TF_COMMON,
                }
            },
            "workspace": {"subs": {"delete|new|select|list|show": "force or-create " + _TF_COMMON}},
        },
    },
    "npm": {"persistent": _NPM_GLOBAL, "abbrev": True, "dirs": ("prefix",), "subs": {}},
    "pnpm": {
        "persistent": (
            "C|dir= w|workspace-root F|filter= r|recursive g|global s|silent reporter= D|save-dev P|save-prod O|save-optional E|save-exact script-shell="
        ),
        "dirs": ("dir",),
        "subs": {},
    },
    "yarn": {"persistent": "cwd= W|ignore-workspace-root-check D|dev P|peer O|optional E|exact T|tilde g|global s|silent", "dirs": ("cwd",), "subs": {}},
    "make|gmake": {
        "opts": (
            "C|directory= f|file|makefile= j|jobs=? k|keep-going S|no-keep-going|stop n|just-print|dry-run|recon s|silent|quiet"
            " B|always-make e|environment-overrides i|ignore-errors I|include-dir= l|load-average|max-load=? o|old-file|assume-old="
            " W|what-if|new-file|assume-new= q|question r|no-builtin-rules R|no-builtin-variables t|touch w|print-directory"
            " no-print-directory O|output-sync=? E|eval= d debug=? p|print-data-base trace warn-undefined-variables"
        ),
        "abbrev": True,
        "dirs": ("directory",),  # canonical name of -C|--directory
    },
    # man-db's man (getopt_long/argp): -P/--pager and -H/--html run a program of the caller's choosing.
    "man": {
        "opts": (
            "P|pager= H|html=? C|config-file= M|manpath= L|locale= S|s|sections= m|systems= e|extension= E|encoding="
            " p|preprocessor= T|troff-device=? R|recode= r|prompt= X|gxditview=? a|all w|where|path|location"
            " W|where-cat|location-cat f|whatis k|apropos K|global-apropos l|local-file t|troff Z|ditroff u|update"
            " c|catman d|debug D|default i|ignore-case I|match-case regex wildcard names-only no-subpages 7|ascii"
            " no-hyphenation no-justification"
        ),
        "abbrev": True,
    },
    # GNU tar (getopt_long: prefixes accepted); the options that take a value, and those that run programs.
    "tar": {
        "opts": (
            "A|catenate|concatenate c|create d|diff|compare delete r|append t|list test-label u|update x|extract|get"
            " f|file= C|directory= T|files-from= X|exclude-from= exclude= b|blocking-factor= H|format= I|use-compress-program="
            " to-command= checkpoint=? checkpoint-action= F|info-script|new-volume-script= rsh-command= g|listed-incremental="
            " N|newer|after-date= newer-mtime= owner= group= mode= mtime= transform|xform= strip-components= L|tape-length="
            " V|label= K|starting-file= suffix= backup=? record-size= occurrence=? level= sparse-version= index-file="
            " quoting-style= quote-chars= no-quote-chars= hole-detection= atime-preserve=? warning= add-file= owner-map="
            " group-map= exclude-tag= exclude-tag-under= exclude-tag-all= z|gzip|gunzip|ungzip j|bzip2 J|xz Z|compress|uncompress"
            " a|auto-compress lzip lzma lzop zstd v|verbose k|keep-old-files p|preserve-permissions|same-permissions"
            " P|absolute-names h|dereference O|to-stdout m|touch remove-files W|verify w|interactive|confirmation S|sparse"
            " no-recursion recursion overwrite skip-old-files U|unlink-first keep-newer-files exclude-vcs exclude-vcs-ignores"
            " wildcards anchored totals=? show-transformed-names numeric-owner same-owner no-same-owner o force-local rmt-command="
        ),
        "abbrev": True,
    },
    # ripgrep (clap: no prefixes); --pre names a program run on every file searched.
    "rg": {
        "opts": (
            "pre= pre-glob= e|regexp= f|file= g|glob= iglob= t|type= T|type-not= type-add= type-clear= m|max-count="
            " A|after-context= B|before-context= C|context= M|max-columns= j|threads= E|encoding= r|replace= d|max-depth|maxdepth="
            " sort= sortr= ignore-file= color= colors= path-separator= max-filesize= dfa-size-limit= regex-size-limit= engine="
            " context-separator= field-context-separator= field-match-separator= hostname-bin= hyperlink-format= z|search-zip"
            " l|files-with-matches files hidden no-ignore L|follow n|line-number i|ignore-case S|smart-case F|fixed-strings"
            " w|word-regexp v|invert-match c|count o|only-matching u|unrestricted json"
        ),
    },
    # procps ps: BSD-style option words (aux, e, eww) carry no dash and are read as operands here.
    "ps": {
        "opts": (
            "o|format= O= p|pid= q|quick-pid= s|sid= t|tty= u|user= U|User= g|group= G|Group= C= k|sort= ppid= cols|columns|width="
            " rows|lines= headers no-headers|noheaders forest context help=? info version e A a d N|deselect f F H j l L m M T w x y Z c P r X V"
        ),
    },
    # Database clients: `psql --help` (PostgreSQL 16, getopt_long: unique prefixes), `mysql --help` (8.x, my_getopt:
    # unique prefixes; `-p` takes its password only glued), sqlite3's shell.c (`-name` or `--name`, exact names).
    "psql": {
        "abbrev": True,
        "opts": (
            "c|command= d|dbname= f|file= l|list v|set|variable= V|version X|no-psqlrc 1|single-transaction ?|help=?"
            " a|echo-all b|echo-errors e|echo-queries E|echo-hidden L|log-file= n|no-readline o|output= q|quiet"
            " s|single-step S|single-line A|no-align csv F|field-separator= H|html P|pset= R|record-separator="
            " t|tuples-only T|table-attr= x|expanded z|field-separator-zero 0|record-separator-zero h|host= p|port="
            " U|username= w|no-password W|password"
        ),
    },
    "mysql": {
        "abbrev": True,
        "opts": (
            "e|execute= init-command= init-command-add= D|database= h|host= P|port= u|user= p|password=? S|socket="
            " pager=? no-pager tee= no-tee B|batch N|skip-column-names column-names s|silent t|table v|verbose"
            " E|vertical f|force X|xml H|html r|raw A|no-auto-rehash auto-rehash i|ignore-spaces n|unbuffered"
            " b|no-beep C|compress defaults-file= defaults-extra-file= defaults-group-suffix= no-defaults"
            " print-defaults protocol= ssl-mode= ssl-ca= ssl-capath= ssl-cert= ssl-key= ssl-cipher= tls-version="
            " ssl=? skip-ssl local-infile=? default-character-set= delimiter= connect-timeout= max-allowed-packet="
            " net-buffer-length= select-limit= max-join-size= binary-mode c|comments skip-comments o|one-database"
            " q|quick reconnect skip-reconnect U|safe-updates|i-am-a-dummy show-warnings sigint-ignore"
            " line-numbers L|skip-line-numbers G|named-commands m|column-type-info T|debug-info V|version ?|help"
            " I w|wait plugin-dir= default-auth= bind-address= histignore= auto-vertical-output binary-as-hex"
            " enable-cleartext-plugin get-server-public-key server-public-key-path= j|syslog load-data-local-dir="
            " system-command=? network-namespace= dns-srv-name= compression-algorithms= zstd-compression-level="
            " login-path= character-sets-dir= ssl-crl= ssl-crlpath= tls-ciphersuites= ssl-fips-mode="
        ),
    },
    # rsync 3.2 (popt: no prefixes, options anywhere before `--`); -n/--dry-run changes nothing, --list-only lists the
    # sources even with a destination (checked with rsync 3.5: `--list-only --delete -a src/ dst/` leaves dst as it was).
    "rsync": {
        "opts": (
            "v|verbose info= debug= stderr= q|quiet no-motd c|checksum a|archive r|recursive R|relative no-implied-dirs"
            " b|backup backup-dir= suffix= u|update inplace append append-verify d|dirs mkpath l|links L|copy-links"
            " copy-unsafe-links safe-links munge-links k|copy-dirlinks K|keep-dirlinks H|hard-links p|perms E|executability"
            " chmod= A|acls X|xattrs o|owner g|group devices copy-devices write-devices specials D t|times U|atimes"
            " open-noatime N|crtimes O|omit-dir-times J|omit-link-times super fake-super S|sparse preallocate n|dry-run"
            " W|whole-file checksum-choice|cc= x|one-file-system B|block-size= e|rsh= rsync-path= existing ignore-existing"
            " remove-source-files|remove-sent-files del delete delete-before delete-during delete-delay delete-after delete-excluded"
            " ignore-missing-args delete-missing-args ignore-errors force max-delete= max-size= min-size= max-alloc= partial"
            " partial-dir= delay-updates m|prune-empty-dirs numeric-ids usermap= groupmap= chown= timeout= contimeout="
            " I|ignore-times size-only @|modify-window= T|temp-dir= y|fuzzy compare-dest= copy-dest= link-dest= z|compress"
            " compress-choice|zc= compress-level|zl= skip-compress= C|cvs-exclude f|filter= F exclude= exclude-from= include="
            " include-from= files-from= 0|from0 old-args s|secluded-args|protect-args trust-sender copy-as= address= port="
            " sockopts= blocking-io outbuf= stats 8|8-bit h|human-readable progress P i|itemize-changes M|remote-option="
            " out-format= log-file= log-file-format= password-file= early-input= list-only bwlimit= stop-after= stop-at="
            " fsync write-batch= only-write-batch= read-batch= protocol= iconv= checksum-seed= 4|ipv4 6|ipv6 V|version help"
        ),
        "inert": "dry-run list-only version help",
    },
    # LVM2 (getopt_long: prefixes accepted): `-t` runs without updating metadata; lvremove(8), vgremove(8), pvremove(8).
    "lvremove|vgremove|pvremove": {
        "opts": (
            "A|autobackup= commandprofile= config= d|debug driverloaded= f|force h|help longhelp lockopt= nolocking"
            " nohistory noudevsync profile= q|quiet reportformat= S|select= t|test v|verbose version y|yes"
        ),
        "inert": "help longhelp test version",
        "abbrev": True,
    },
    # e2fsprogs mke2fs(8) (getopt, short options only): `-n` shows what it would do without creating a file system.
    "mke2fs": {"opts": "c l= b= C= D d= e= E= F f= g= G= i= I= j J= L= m= M= n N= o= O= q r= S t= T= U= v V z=", "inert": "n V"},
    # util-linux wipefs(8): only -a/--all and -o/--offset erase; -n/--no-act does everything but write.
    "wipefs": {
        "opts": "a|all b|backup=? f|force h|help i|noheadings J|json l|lock=? n|no-act O|output= o|offset= p|parsable q|quiet t|types= V|version",
        "inert": "no-act help version",
        "abbrev": True,
    },
    # GNU coreutils shred.c, truncate.c (getopt_long): --help and --version print and exit before any file is touched.
    "shred": {
        "opts": "f|force n|iterations= random-source= s|size= u remove=? v|verbose x|exact z|zero help version",
        "inert": "help version",
        "abbrev": True,
    },
    "truncate": {"opts": "c|no-create o|io-blocks r|reference= s|size= help version", "inert": "help version", "abbrev": True},
    # coreutils dd.c: every other word is an operand (if=, of=); --help and --version are its only options.
    "dd": {"opts": "help version", "inert": "help version", "abbrev": True},
    # xfsprogs mkfs.xfs(8) (getopt "b:c:d:i:l:L:m:n:KNp:qr:s:CfV"): -N prints the parameters without creating the file
    # system; -V prints the version.
    "mkfs.xfs": {"opts": "b= c= C d= f i= K l= L= m= n= N p= q r= s= V", "inert": "N V"},
    # ntfs-3g mkntfs(8) (getopt_long): -n/--no-action does everything but write; -h, -V, -l (licence) print and exit.
    "mkntfs": {
        "opts": (
            "C|enable-compression c|cluster-size= F|force f|fast|Q|quick H|heads= h|help I|no-indexing L|label= l|license"
            " n|no-action p|partition-start= q|quiet S|sectors-per-track= s|sector-size= T|zero-time U|with-uuid V|version"
            " v|verbose z|mft-zone-multiplier= debug"
        ),
        "inert": "no-action help version license",
        "abbrev": True,
    },
    # The BSD/macOS file-system makers: -N prints the parameters without creating the file system.  FreeBSD newfs(8)
    # (getopt "EJL:NO:RS:T:UXa:b:c:d:e:f:g:h:i:jk:lm:no:p:r:s:t"), macOS newfs_msdos(8) and newfs_hfs(8) (-N and -J take
    # an optional size).
    "newfs": {"opts": "E J L= N O= R S= T= U X a= b= c= d= e= f= g= h= i= j k= l m= n o= p= r= s= t", "inert": "N"},
    "newfs_msdos": {"opts": "N B= C= F= I= L= O= S= a= b= c= e= f= h= i= k= m= n= o= r= s= u= v=", "inert": "N"},
    "newfs_hfs": {"opts": "G= J=? D= M= N=? P U= h s b= c= i= I= n= v=", "inert": "N"},
    # util-linux mkswap(8), blkdiscard(8) (getopt_long): -h/--help and -V/--version print and exit.
    "mkswap": {
        "opts": "c|check f|force p|pagesize= L|label= v|swapversion= U|uuid= e|endianness= o|offset= s|size= lock=? verbose h|help V|version",
        "inert": "help version",
        "abbrev": True,
    },
    "blkdiscard": {
        "opts": "f|force o|offset= l|length= p|step= q|quiet s|secure z|zeroout v|verbose h|help V|version",
        "inert": "help version",
        "abbrev": True,
    },
    # e2fsprogs badblocks(8): -w writes test patterns over the device; -n is the non-destructive read-write test.
    "badblocks": {"opts": "b= c= d= e= f i= n o= p= s t= v w B X"},
    "sqlite3": {
        "go": True,
        "opts": (
            "append ascii bail batch box column cmd= csv deserialize echo init= header noheader help html"
            " interactive json line list lookaside= markdown maxsize= memtrace mmap= newline= nofollow nonce="
            " nullvalue= pagecache= quote readonly safe separator= stats table tabs unsafe-testing version vfs= zip"
            " A= hexkey= key= textkey="
        ),
    },
}

# Names that share a table ("chown|chgrp" above) and programs installed under another name.
ALIASES: dict[str, str] = {
    "mariadb": "mysql",
    "gawk": "awk",
    "mawk": "awk",
    "nawk": "awk",
    "gsed": "sed",
    "chown": "chown|chgrp",
    "chgrp": "chown|chgrp",
    "terraform": "terraform|tofu",
    "tofu": "terraform|tofu",
    "make": "make|gmake",
    "gmake": "make|gmake",
    "oc": "kubectl",
    "kubecolor": "kubectl",
    "podman": "docker",
    "lvremove": "lvremove|vgremove|pvremove",
    "vgremove": "lvremove|vgremove|pvremove",
    "pvremove": "lvremove|vgremove|pvremove",
    "mkfs.ext2": "mke2fs",
    "mkfs.ext3": "mke2fs",
    "mkfs.ext4": "mke2fs",
}


# The options that take a value and may stand before the command of CLIs without a table above (`gsutil -u PROJECT rm`,
# `s3cmd -c FILE del`, `rclone --config FILE purge`, `gh -R OWNER/REPO release delete`): their value is no operand, so it
# does not hide the command's verb (rules/cloud._takes_value, shell/effects' gsutil copies).  From `gsutil help
# options`, s3cmd(1), `rclone help flags`, `gh help` and `glab help`.
GLOBAL_VALUES: dict[str, frozenset[str]] = {
    "gsutil": frozenset({"-u", "-o", "-h", "-i"}),
    "s3cmd": frozenset({"-c", "--config", "--access_key", "--secret_key", "--access_token", "--region", "--host", "--host-bucket", "--ca-certs"}),
    "rclone": frozenset({"--config", "--log-file", "--log-level", "--transfers", "--checkers", "--bwlimit", "--user-agent", "--retries"}),
    "gh": frozenset({"-R", "--repo", "--hostname"}),
    "glab": frozenset({"-R", "--repo"}),
}


# Every long option of programs whose readers (shell/effects.py) look for a few options by name, so that an
# abbreviation the program takes (`curl --output-d DIR`, `wget --directory-p=DIR`, `gawk --incl=inplace`) is read as
# the option it stands for (options.spelled_out). From `curl --help all` (7.88), `wget --help` (1.21) and gawk(1) (5.2).
LONG_OPTIONS: dict[str, str] = {
    "curl": (
        "abstract-unix-socket alt-svc anyauth append aws-sigv4 basic cacert capath cert cert-status cert-type "
        "ciphers compressed compressed-ssh config connect-timeout connect-to continue-at cookie cookie-jar "
        "create-dirs create-file-mode crlf crlfile curves data data-ascii data-binary data-raw data-urlencode "
        "delegation digest disable disable-eprt disable-epsv disallow-username-in-url dns-interface dns-ipv4-addr "
        "dns-ipv6-addr dns-servers doh-cert-status doh-insecure doh-url dump-header egd-file engine etag-compare "
        "etag-save expect100-timeout fail fail-early fail-with-body false-start form form-escape form-string "
        "ftp-account ftp-alternative-to-user ftp-create-dirs ftp-method ftp-pasv ftp-port ftp-pret "
        "ftp-skip-pasv-ip ftp-ssl-ccc ftp-ssl-ccc-mode ftp-ssl-control get globoff happy-eyeballs-timeout-ms "
        "haproxy-protocol head header help hostpubmd5 hostpubsha256 hsts http0.9 http1.0 http1.1 http2 "
        "http2-prior-knowledge http3 http3-only ignore-content-length include insecure interface ipv4 ipv6 json "
        "junk-session-cookies keepalive-time key key-type krb libcurl limit-rate list-only local-port location "
        "location-trusted login-options mail-auth mail-from mail-rcpt mail-rcpt-allowfails manual max-filesize "
        "max-redirs max-time metalink negotiate netrc netrc-file netrc-optional next no-alpn no-buffer no-clobber "
        "no-keepalive no-npn no-progress-meter no-sessionid noproxy ntlm ntlm-wb oauth2-bearer output output-dir "
        "parallel parallel-immediate parallel-max pass path-as-is pinnedpubkey post301 post302 post303 preproxy "
        "progress-bar proto proto-default proto-redir proxy proxy-anyauth proxy-basic proxy-cacert proxy-capath "
        "proxy-cert proxy-cert-type proxy-ciphers proxy-crlfile proxy-digest proxy-header proxy-insecure proxy-key "
        "proxy-key-type proxy-negotiate proxy-ntlm proxy-pass proxy-pinnedpubkey proxy-service-name "
        "proxy-ssl-allow-beast proxy-ssl-auto-client-cert proxy-tls13-ciphers proxy-tlsauthtype proxy-tlspassword "
        "proxy-tlsuser proxy-tlsv1 proxy-user proxy1.0 proxytunnel pubkey quote random-file range rate raw referer "
        "remote-header-name remote-name remote-name-all remote-time remove-on-error request request-target resolve "
        "retry retry-all-errors retry-connrefused retry-delay retry-max-time sasl-authzid sasl-ir service-name "
        "show-error silent socks4 socks4a socks5 socks5-basic socks5-gssapi socks5-gssapi-nec "
        "socks5-gssapi-service socks5-hostname speed-limit speed-time ssl ssl-allow-beast ssl-auto-client-cert "
        "ssl-no-revoke ssl-reqd ssl-revoke-best-effort sslv2 sslv3 stderr styled-output suppress-connect-headers "
        "tcp-fastopen tcp-nodelay telnet-option tftp-blksize tftp-no-options time-cond tls-max tls13-ciphers "
        "tlsauthtype tlspassword tlsuser tlsv1 tlsv1.0 tlsv1.1 tlsv1.2 tlsv1.3 tr-encoding trace trace-ascii "
        "trace-time unix-socket upload-file url url-query use-ascii user user-agent verbose version write-out "
        "xattr"
    ),
    "wget": (
        "accept accept-regex adjust-extension append-output ask-password auth-no-challenge background "
        "backup-converted backups base bind-address body-data body-file ca-certificate ca-directory certificate "
        "certificate-type ciphers compression config connect-timeout content-disposition content-on-error continue "
        "convert-file-only convert-links crl-file cut-dirs debug default-page delete-after directory-prefix "
        "dns-timeout domains exclude-directories exclude-domains execute follow-ftp follow-tags force-directories "
        "force-html ftp-password ftp-user ftps-clear-data-connection ftps-fallback-to-ftp ftps-implicit "
        "ftps-resume-ssl header help hsts-file http-password http-user https-only ignore-case ignore-length "
        "ignore-tags include-directories inet4-only inet6-only input-file keep-session-cookies level limit-rate "
        "load-cookies local-encoding max-redirect method mirror no-cache no-check-certificate no-clobber no-config "
        "no-cookies no-directories no-dns-cache no-glob no-host-directories no-hsts no-http-keep-alive "
        "no-if-modified-since no-iri no-netrc no-parent no-passive-ftp no-proxy no-remove-listing "
        "no-use-server-timestamps no-verbose no-warc-compression no-warc-digests no-warc-keep-log output-document "
        "output-file page-requisites password pinnedpubkey post-data post-file prefer-family preserve-permissions "
        "private-key private-key-type progress protocol-directories proxy-password proxy-user quiet quota "
        "random-wait read-timeout recursive referer regex-type reject reject-regex rejected-log relative "
        "remote-encoding report-speed restrict-file-names retr-symlinks retry-connrefused retry-on-http-error "
        "save-cookies save-headers secure-protocol server-response show-progress span-hosts spider start-pos "
        "strict-comments timeout timestamping tries trust-server-names unlink use-askpass user user-agent verbose "
        "version wait waitretry warc-cdx warc-dedup warc-file warc-header warc-max-size warc-tempdir xattr"
    ),
    "gawk": (
        "assign bignum characters-as-bytes copyright csv debug dump-variables exec field-separator file gen-pot "
        "help include lint load no-optimize non-decimal-data optimize posix pretty-print profile re-interval "
        "sandbox source traditional use-lc-numeric version"
    ),
}


# How a CLI is asked for its usage, after which it prints it and exits without doing anything (options.help_request):
# the flags its parser honours wherever they stand among the options, and whether `help` as the first word is its
# help command.  The parsers read options interspersed with operands up to `--` (cobra/pflag, clap, argparse, knack,
# gcloud's calliope, oclif, commander, yargs, terraform's mitchellh/cli), so `gcloud compute instances delete vm1
# --help` deletes nothing.  `-h` is left out where it is another option of some verb (docker run's --hostname, psql's
# and dropdb's --host) and where the parser does not take it (oclif's heroku).  The tools of the option tables above
# (kubectl, docker, podman, terraform, tofu) are read through their tables, so a flag's value or a command handed to
# a container is never taken for the help flag.  aws has its own spelling: `aws [SERVICE [OPERATION]] help`, the word
# alone after the command (awscli's ArgTableArgParser).  A verb that may hand the words after it to another program
# (exec, run, ssh, ...: HELP_PASS_THROUGH) ends the search: `heroku run rake --help` asks rake.
_H = frozenset({"-h", "--help"})
_LONG = frozenset({"--help"})
HELP_CONVENTIONS: dict[str, tuple[frozenset[str], bool]] = {
    **dict.fromkeys(
        (
            "kubectl",
            "oc",
            "helm",
            "doctl",
            "hcloud",
            "gh",
            "glab",
            "fly",
            "flyctl",
            "rclone",
            "pulumi",
            "supabase",
            "argocd",
            "velero",
            "minikube",
            "kind",
            "k3d",
            "skaffold",
            "linode-cli",
            "cargo",
            "railway",
            "vercel",
            "netlify",
            "firebase",
            "gcloud",
            "az",
            "wrangler",
            "turso",
            "neonctl",
            "pscale",
            "eksctl",
        ),
        (_H, True),
    ),
    **dict.fromkeys(("heroku", "docker", "podman", "nerdctl"), (_LONG, True)),
    **dict.fromkeys(("vault", "consul", "nomad"), (frozenset({"-h", "-help", "--help"}), False)),
    "terraform": (frozenset({"-h", "-help", "--help"}), False),
    "tofu": (frozenset({"-h", "-help", "--help"}), False),
    "ibmcloud": (_H, True),
    "oci": (frozenset({"-h", "--help", "-?"}), False),
    # PostgreSQL's client programs: --help or -? (their -h is --host); an option they do not know stops them too
    **dict.fromkeys(("dropdb", "dropuser", "pg_dropcluster"), (frozenset({"--help", "-?"}), False)),
}


# CLIs that hand a first word they do not know to another program found on PATH or in a plugin folder (kubectl-NAME
# and krew plugins, gh-NAME extensions, helm plugins, cargo-NAME, docker's cli-plugins): that program gets the help
# flag and does with it what it likes, so a help request is the CLI's only when its first word is one of the CLI's own
# commands (or aliases), listed here from each CLI's command reference.  `kubectl nuke prod --help` is judged as
# `kubectl nuke prod`.  A CLI missing here handles its commands itself or refuses an unknown one.
def _split(words: str) -> list[str]:
    return words.split()


_KUBECTL_COMMANDS = (
    "create expose run set explain get edit delete rollout scale autoscale certificate cluster-info top cordon uncordon "
    "drain taint describe logs attach exec port-forward proxy cp auth debug events diff apply patch replace wait kustomize "
    "label annotate completion alpha api-resources api-versions config plugin version options help"
)
HELP_OWN_COMMANDS: dict[str, frozenset[str]] = {
    "kubectl": frozenset(_split(_KUBECTL_COMMANDS)),
    "oc": frozenset(
        _split(
            _KUBECTL_COMMANDS + " login logout whoami project projects new-project new-app new-build start-build cancel-build "
            "import-image tag status rsh rsync adm policy process registry image extract observe idle rollback secrets "
            "serviceaccounts create-token get-token image-registry"
        )
    ),
    "gh": frozenset(
        _split(
            "auth browse codespace cs gist issue org pr project release repo cache run workflow alias api attestation "
            "completion config extension ext extensions gpg-key label ruleset search secret ssh-key status variable help "
            "version copilot agent-task preview"
        )
    ),
    "helm": frozenset(
        _split(
            "completion create dependency dep dependencies env get help history hist install lint list ls package plugin pull "
            "fetch push registry repo rollback search show inspect status template test uninstall un del delete upgrade "
            "verify version"
        )
    ),
    "cargo": frozenset(
        _split(
            "add bench build b check c clean clippy config doc d fetch fix fmt generate-lockfile help info init install "
            "locate-project login logout metadata new owner package pkgid publish read-manifest remove rm report run r "
            "rustc rustdoc search test t tree uninstall update vendor verify-project version yank"
        )
    ),
    "docker": frozenset(
        _split(
            "attach build builder buildx checkpoint commit compose config container context cp create diff events exec "
            "export history image images import info init inspect kill load login logout logs manifest network node "
            "pause plugin port ps pull push rename restart rm rmi run save scout search secret service stack start stats "
            "stop swarm system tag top trust unpause update version volume wait help"
        )
    ),
}


# The command paths after which a CLI hands the words on unparsed, where its source says so (fix19b): for these CLIs
# the list replaces HELP_PASS_THROUGH, whose words elsewhere are operands or the CLI's own groups (`gh run delete 123
# --help`, `gh repo delete x --help` print the usage).  gh (cli/cli): only `extension exec` sets DisableFlagParsing
# among its own commands (extensions and aliases are names HELP_OWN_COMMANDS does not hold); `gh codespace ssh` and
# `gh api` parse their flags, so a help flag before `--` is gh's.
HELP_PASS_THROUGH_PATHS: dict[str, frozenset[tuple[str, ...]]] = {
    "gh": frozenset({("extension", "exec"), ("ext", "exec"), ("extensions", "exec")}),
}
# Options that never take a value, per CLI, for the CLIs read without an option table (options.help_request): after
# one of them a help flag is the CLI's (pflag reads `--yes --help` as two flags), after any other option it may be
# the option's value (`--message --help`).  Only flags that are boolean in every command that defines them: gh's
# `-f` is `--force` in some commands and `api -f key=value` in another, so it is not here.  From gh's source (every
# `Flags().Bool*` definition of these names, cli/cli pkg/cmd).
HELP_SWITCHES: dict[str, frozenset[str]] = {
    "gh": frozenset({"--yes", "-y", "--confirm", "--force", "--cleanup-tag", "--all", "--web", "--dry-run"}),
    # glab's, flyctl's and pulumi's `-y/--yes` (skip the confirmation), az's `-y/--yes` and `--no-wait`, gcloud's
    # global `-q/--quiet`: switches in every command that has them (each CLI's reference)
    "glab": frozenset({"--yes", "-y"}),
    "fly": frozenset({"--yes", "-y"}),
    "flyctl": frozenset({"--yes", "-y"}),
    "pulumi": frozenset({"--yes", "-y", "--skip-preview"}),
    "az": frozenset({"--yes", "-y", "--no-wait"}),
    "gcloud": frozenset({"--quiet", "-q"}),
    # rclone's global -v (a counted flag), -q, -n/--dry-run, -P/--progress, -i/--interactive (rclone's flag reference)
    "rclone": frozenset({"-v", "--verbose", "-q", "--quiet", "-n", "--dry-run", "-P", "--progress", "-i", "--interactive"}),
}
# The CLIs among HELP_CONVENTIONS whose option parser reads no cluster of one-letter options: Go's flag package
# (HashiCorp's CLIs, terraform, tofu) takes `-yh` for one option named "yh", which it refuses. Every other one
# (pflag, clap, getopt, argparse, click, commander, yargs) reads `-yh` as `-y -h` (options._cluster_asks_help).
HELP_NO_CLUSTERS = frozenset({"vault", "consul", "nomad", "terraform", "tofu"})


# The verbs after which the words may be another program's: a help flag there is not the CLI's.
HELP_PASS_THROUGH = frozenset(
    {
        "exec",
        "run",
        "ssh",
        "console",
        "shell",
        "x",
        "invoke",
        "run-command",
        "sh",
        "bash",
        "attach",
        "debug",
        "proxy",
        "plugin",
        "plugins",
        "ext",
        "extension",
        "alias",
        "api",
    }
)
