"""Reading code as its language does: interpreter code (Python with ``ast``; JavaScript/TypeScript,
Ruby, Perl and PHP with tree-sitter grammars), SQL handed to database clients, and the files
toolchains run by convention.  Each module turns source text into facts (``shell.interp.CodeFacts``)
that the rules judge; parsers load only when a command carries code in their language."""
