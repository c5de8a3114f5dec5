"""The verbs: one class per cmdlet, grouped by the PowerShell module they imitate."""
