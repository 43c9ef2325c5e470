"""The shell layer: parsing a command line and reading what its commands do."""
