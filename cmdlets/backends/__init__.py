"""Where cmdlets act: the local backend is the simulated world; the remote one (later) a real
host reached over PowerShell remoting."""
