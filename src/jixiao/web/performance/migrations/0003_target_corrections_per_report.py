"""Target corrections belong to one report (issue 9, item 4), no longer to the target every period shares.

Existing corrections were applied to every report on the indicator (each was rechecked with it), so each becomes a
correction of every report that has an entry on the indicator, whatever its status: no report's verdicts, score or
snapshot change by this migration, and a report rechecked later (reopened, say) keeps judging by the correction it
was judged by. They are marked ``later_periods`` (later periods' reports started afterwards take them, as every new
report used to), dated and attributed from the last ``target.correct`` audit record of the target when there is
one. Published versions are snapshots and are not touched."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.utils import timezone


def corrections_per_report(apps, schema_editor):
    Target = apps.get_model("performance", "Target")
    TargetCorrection = apps.get_model("performance", "TargetCorrection")
    ProgressEntry = apps.get_model("performance", "ProgressEntry")
    AuditLog = apps.get_model("performance", "AuditLog")
    for target in Target.objects.filter(corrected=True).order_by("pk"):
        log = (AuditLog.objects.filter(action="target.correct", object_type="Target", object_id=str(target.pk))
               .order_by("-at", "-id").first())
        submissions = (ProgressEntry.objects.filter(indicator_id=target.indicator_id)
                       .values_list("submission_id", flat=True).order_by("submission_id"))
        for submission_id in submissions:
            TargetCorrection.objects.create(
                target=target, submission_id=submission_id, comparator=target.corrected_comparator,
                value=target.corrected_value, unit=target.corrected_unit, note=target.correction_note,
                later_periods=True, by_id=log.actor_id if log else None, at=log.at if log else timezone.now(),
            )


def corrections_per_target(apps, schema_editor):
    """Back to one correction per target: the latest of its reports' corrections."""
    Target = apps.get_model("performance", "Target")
    TargetCorrection = apps.get_model("performance", "TargetCorrection")
    for target in Target.objects.filter(corrections__isnull=False).distinct():
        c = TargetCorrection.objects.filter(target=target).order_by("-at", "-id").first()
        target.corrected = True
        target.corrected_comparator, target.corrected_value, target.corrected_unit = c.comparator, c.value, c.unit
        target.correction_note = c.note
        target.save()


class Migration(migrations.Migration):

    dependencies = [
        ('performance', '0002_progressentry_version'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='TargetCorrection',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('comparator', models.CharField(blank=True, max_length=2, verbose_name='更正后的比较')),
                ('value', models.FloatField(blank=True, null=True, verbose_name='更正后的目标值')),
                ('unit', models.CharField(blank=True, max_length=40, verbose_name='更正后的单位')),
                ('note', models.CharField(max_length=500, verbose_name='更正说明')),
                ('later_periods', models.BooleanField(default=False, verbose_name='同时用于以后各期')),
                ('at', models.DateTimeField(verbose_name='更正时间')),
                ('by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('origin', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='performance.submission')),
                ('submission', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='target_corrections', to='performance.submission')),
                ('target', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='corrections', to='performance.target')),
            ],
            options={
                'verbose_name': '目标更正',
                'verbose_name_plural': '目标更正',
                'ordering': ['submission', 'target__position'],
                'constraints': [models.UniqueConstraint(fields=('target', 'submission'), name='target_correction_unique')],
            },
        ),
        migrations.RunPython(corrections_per_report, corrections_per_target),
        migrations.RemoveField(
            model_name='target',
            name='corrected',
        ),
        migrations.RemoveField(
            model_name='target',
            name='corrected_comparator',
        ),
        migrations.RemoveField(
            model_name='target',
            name='corrected_unit',
        ),
        migrations.RemoveField(
            model_name='target',
            name='corrected_value',
        ),
        migrations.RemoveField(
            model_name='target',
            name='correction_note',
        ),
    ]
