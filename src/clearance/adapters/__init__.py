"""Agent protocol adapters: one module per agent."""
