"""The asrsim shell: runs PowerShell scripts and an interactive prompt over asrsim.lang.

It receives its command table from the composition root; it knows no cmdlet itself.
"""
