"""Thin integrations for agents built in Python (Claude Agent SDK, OpenAI Agents SDK)."""
