"""Whose credential a secret is: the service a key or token variable, or a token's own shape, belongs to.

A key sent to its own service is ordinary authenticated API use (``curl -H "Authorization: Bearer $OPENAI_API_KEY"
https://api.openai.com/v1/models``); the same key sent anywhere else leaves. The service is read from the variable's
name: one of its words (``GITHUB_TOKEN``, ``NEXT_PUBLIC_SUPABASE_ANON_KEY``, ``MY_HF_TOKEN``) names a vendor, and the
vendor's registrable domains are listed here. A host serves a vendor when it is one of those domains or under one
(``api.github.com``, ``uploads.github.com``), never by a look-alike label (``github.io`` pages, ``openai.evil.example``,
``github.com.evil.example``). Names that name no vendor (``API_KEY``, ``TOKEN``) have no service: where they may go
is the trust boundary's question, as before.
"""

from __future__ import annotations

# A vendor's word in a variable name -> the registrable domains its API, registry and uploads live under.
# Knowledge of who owns which domain cannot be derived from the name: the table is the mapping, one line a vendor.
# Left out on purpose: AWS (a secret access key is never sent, only signatures made with it, and any bucket is a host
# under amazonaws.com), and the storage hosts where anyone rents a name (windows.net, firebaseio.com, github.io).
_DOMAINS: dict[str, tuple[str, ...]] = {
    "GITHUB": ("github.com", "githubusercontent.com", "ghcr.io", "githubcopilot.com"),
    "GITLAB": ("gitlab.com",),
    "BITBUCKET": ("bitbucket.org", "atlassian.com"),
    "OPENAI": ("openai.com",),
    "ANTHROPIC": ("anthropic.com",),
    "CLAUDE": ("anthropic.com",),
    "NPM": ("npmjs.org", "npmjs.com"),
    "PYPI": ("pypi.org",),
    "TWINE": ("pypi.org",),
    "CARGO": ("crates.io",),
    "CRATES": ("crates.io",),
    "RUBYGEMS": ("rubygems.org",),
    "GEM": ("rubygems.org",),
    "VERCEL": ("vercel.com",),
    "NETLIFY": ("netlify.com",),
    "STRIPE": ("stripe.com",),
    "SLACK": ("slack.com",),
    "HUGGINGFACE": ("huggingface.co",),
    "GOOGLE": ("googleapis.com",),
    "GEMINI": ("googleapis.com",),
    "GCP": ("googleapis.com",),
    "FIREBASE": ("googleapis.com",),
    "AZURE": ("azure.com",),
    "CLOUDFLARE": ("cloudflare.com",),
    "SUPABASE": ("supabase.co", "supabase.com"),
    "SENTRY": ("sentry.io",),
    "DATADOG": ("datadoghq.com", "datadoghq.eu"),
    "TWILIO": ("twilio.com",),
    "SENDGRID": ("sendgrid.com",),
    "MAILGUN": ("mailgun.net", "mailgun.com"),
    "HEROKU": ("heroku.com",),
    "DIGITALOCEAN": ("digitalocean.com",),
    "LINEAR": ("linear.app",),
    "NOTION": ("notion.com", "notion.so"),
    "DISCORD": ("discord.com", "discordapp.com"),
    "TELEGRAM": ("telegram.org",),
    "DOCKER": ("docker.com", "docker.io"),
    "DOCKERHUB": ("docker.com", "docker.io"),
    "CIRCLECI": ("circleci.com",),
    "GROQ": ("groq.com",),
    "MISTRAL": ("mistral.ai",),
    "COHERE": ("cohere.ai", "cohere.com"),
    "REPLICATE": ("replicate.com",),
    "PINECONE": ("pinecone.io",),
    "OPENROUTER": ("openrouter.ai",),
    "DEEPSEEK": ("deepseek.com",),
    "PERPLEXITY": ("perplexity.ai",),
    "FIREWORKS": ("fireworks.ai",),
    "ELEVENLABS": ("elevenlabs.io",),
    "SHOPIFY": ("shopify.com", "myshopify.com"),
    "ATLASSIAN": ("atlassian.net", "atlassian.com"),
    "JIRA": ("atlassian.net", "atlassian.com"),
    "CONFLUENCE": ("atlassian.net", "atlassian.com"),
    "FIGMA": ("figma.com",),
    "AIRTABLE": ("airtable.com",),
    "PAGERDUTY": ("pagerduty.com",),
    "ALGOLIA": ("algolia.net", "algolia.com", "algolianet.com"),
    "MAPBOX": ("mapbox.com",),
    "POSTMARK": ("postmarkapp.com",),
    "RESEND": ("resend.com",),
    "CODECOV": ("codecov.io",),
    "SNYK": ("snyk.io",),
    "DROPBOX": ("dropbox.com", "dropboxapi.com"),
    "HUBSPOT": ("hubapi.com", "hubspot.com"),
    "WANDB": ("wandb.ai",),
    "LANGSMITH": ("langchain.com",),
    "LANGCHAIN": ("langchain.com",),
}
# Short words that name a vendor only as a variable's first word (GH_TOKEN, HF_TOKEN; not APP_GH_MODE).
_FIRST_WORD: dict[str, str] = {"GH": "GITHUB", "HF": "HUGGINGFACE", "GL": "GITLAB", "CF": "CLOUDFLARE", "DD": "DATADOG", "DO": "DIGITALOCEAN"}

# A token's own prefix names its issuer (the shapes net._TOKEN knows).
_TOKEN_PREFIXES: tuple[tuple[str, str], ...] = (
    ("github_pat_", "GITHUB"),
    ("ghp_", "GITHUB"),
    ("gho_", "GITHUB"),
    ("ghu_", "GITHUB"),
    ("ghs_", "GITHUB"),
    ("ghr_", "GITHUB"),
    ("glpat-", "GITLAB"),
    ("sk-ant-", "ANTHROPIC"),
    ("xox", "SLACK"),
    ("npm_", "NPM"),
    ("AIza", "GOOGLE"),
    ("SG.", "SENDGRID"),
    ("hf_", "HUGGINGFACE"),
)


def secret_services(name: str) -> tuple[str, ...]:
    """The domains of the service the secret variable *name* belongs to (``GITHUB_TOKEN`` -> github.com …), or ()."""
    words = [w for w in name.upper().split("_") if w]
    out: list[str] = []
    for i, w in enumerate(words):
        vendor = w if w in _DOMAINS else (_FIRST_WORD.get(w) if i == 0 else None)
        if vendor is not None:
            out.extend(d for d in _DOMAINS[vendor] if d not in out)
    return tuple(out)


def token_services(text: str) -> tuple[str, ...]:
    """The domains of the issuer of the tokens in *text*, when every token's prefix names the same one, else ()."""
    found = {vendor for prefix, vendor in _TOKEN_PREFIXES if prefix in text}
    if "sk-proj-" in text:
        found.add("OPENAI")
    elif "sk-" in text.replace("sk-ant-", ""):
        return ()  # a bare sk- key is OpenAI's shape and others' (DeepSeek, OpenRouter): no single issuer
    return _DOMAINS[found.pop()] if len(found) == 1 else ()


def host_serves(host: str, domains: tuple[str, ...]) -> bool:
    """Whether *host* is one of *domains* or a name under one (``api.github.com`` for github.com)."""
    h = host.lower().rstrip(".")
    return any(h == d or h.endswith("." + d) for d in domains)
