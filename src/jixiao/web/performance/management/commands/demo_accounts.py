"""``jixiao-manage demo_accounts``: create one demo account per role and print them (local demo only)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from jixiao.web.performance import services


class Command(BaseCommand):
    help = ("Create demo accounts (reporter, approver, reviewer, a second unit's reporter, admin); "
            "only with DEBUG on and not under the production settings.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            accounts = services.demo_accounts_create()
        except services.DemoAccountsRefused as exc:
            raise CommandError(str(exc)) from None
        for a in accounts:
            self.stdout.write(f"{a['username']}\t{a['password']}\t{a['role']}\t{a['organization']}")
