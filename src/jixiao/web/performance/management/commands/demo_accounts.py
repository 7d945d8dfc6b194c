"""``jixiao-manage demo_accounts``: create one demo account per role and print them."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from jixiao.web.performance import services


class Command(BaseCommand):
    help = "Create demo accounts (reporter, approver, reviewer, a second unit's reporter, admin)."

    def handle(self, *args: Any, **options: Any) -> None:
        for a in services.demo_accounts_create():
            self.stdout.write(f"{a['username']}\t{a['password']}\t{a['role']}\t{a['organization']}")
