"""Examples for wargame.env (a package so `examples.policy_bot:MaskablePolicyBot` can be named as a bot)."""
