// Turns the Grade workflow's artifact into one comment on the pull request, created once and updated afterwards.
// The artifact was written by a job that ran the learner's code, so everything in it is untrusted: the pull request
// number must be digits and must name a pull request whose head is the graded commit; the report must match schema
// version 1; every string is escaped before it reaches Markdown; nothing reaches a shell.
'use strict';

const fs = require('fs');
const path = require('path');

const MARKER = '<!-- otp-kit-grade -->';
const STATUSES = new Set(['passed', 'failing', 'not-started', 'build-error', 'timeout', 'crashed']);
const MAX_FAILING_SHOWN = 20;

function parsePrNumber(text) {
  const trimmed = String(text).trim();
  if (!/^[1-9][0-9]{0,9}$/.test(trimmed)) {
    throw new Error(`pr-number is not a pull request number: ${JSON.stringify(trimmed.slice(0, 40))}`);
  }
  return Number(trimmed);
}

function isCount(value) {
  return Number.isInteger(value) && value >= 0 && value < 1e7;
}

function validateReport(report) {
  if (report === null || typeof report !== 'object') throw new Error('report.json is not an object');
  if (report.schemaVersion !== 1) throw new Error(`unsupported schemaVersion ${JSON.stringify(report.schemaVersion)}`);
  if (!Array.isArray(report.releases)) throw new Error('report.json has no releases array');
  for (const release of report.releases) {
    for (const key of ['passedExercises', 'totalExercises', 'passedTests', 'totalTests']) {
      if (!isCount(release[key])) throw new Error(`release ${JSON.stringify(release.id)}: ${key} is not a count`);
    }
    if (typeof release.id !== 'string' || typeof release.title !== 'string') throw new Error('release without id or title');
    if (!Array.isArray(release.exercises)) throw new Error(`release ${release.id}: no exercises array`);
    for (const exercise of release.exercises) {
      if (typeof exercise.id !== 'string' || !STATUSES.has(exercise.status)) {
        throw new Error(`exercise ${JSON.stringify(exercise.id)}: unknown status ${JSON.stringify(exercise.status)}`);
      }
      if (!isCount(exercise.passedTests) || !isCount(exercise.totalTests)) throw new Error(`exercise ${exercise.id}: bad counts`);
      if (exercise.tests !== undefined && !Array.isArray(exercise.tests)) throw new Error(`exercise ${exercise.id}: tests is not an array`);
    }
  }
  return report;
}

// Escapes text for a Markdown table cell: no HTML, no links, no mentions, no line breaks, bounded length.
function cell(value, max = 120) {
  let text = String(value ?? '').replace(/[\r\n\t]+/g, ' ');
  if (text.length > max) text = text.slice(0, max - 1) + '…';
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}\[\]()#+!|~]/g, (c) => '\\' + c)
    .replace(/@/g, '@\u200b');
}

function percent(passed, total) {
  return total === 0 ? '–' : `${Math.floor((100 * passed) / total)}%`;
}

function renderComment(report, headSha) {
  const lines = [MARKER, '## Grade', ''];
  lines.push('| release | exercises passed | tests passed | score |', '|---|---|---|---|');
  for (const r of report.releases) {
    lines.push(`| ${cell(r.title)} | ${r.passedExercises} / ${r.totalExercises} | ${r.passedTests} / ${r.totalTests} | ${percent(r.passedTests, r.totalTests)} |`);
  }
  lines.push('', '| exercise | status | level | tests passed |', '|---|---|---|---|');
  const failing = [];
  for (const r of report.releases) {
    for (const e of r.exercises) {
      if (e.status === 'not-started') continue;
      lines.push(`| ${cell(e.id)} | ${cell(e.status)} | ${cell(e.level ?? '')} | ${e.passedTests} / ${e.totalTests} |`);
      for (const t of e.tests ?? []) {
        if (t && t.status !== 'pass' && t.status !== 'skipped') failing.push({ exercise: e.id, test: t });
      }
    }
  }
  if (failing.length > 0) {
    lines.push('', `### Failing tests (${failing.length})`, '', '| exercise | test | suite | why |', '|---|---|---|---|');
    for (const { exercise, test } of failing.slice(0, MAX_FAILING_SHOWN)) {
      lines.push(`| ${cell(exercise)} | ${cell(test.name)} | ${cell(test.suite)} | ${cell(test.message, 200)} |`);
    }
    if (failing.length > MAX_FAILING_SHOWN) lines.push('', `…and ${failing.length - MAX_FAILING_SHOWN} more: see the job summary.`);
  }
  lines.push('', `Graded commit ${cell(headSha.slice(0, 12))} with the base branch's grader, hidden suites and manifest, `
    + (report.sandbox === 'bubblewrap'
      ? 'the learner\'s code sandboxed (bubblewrap).'
      : '**without a sandbox** (bubblewrap could not run on the runner): the learner\'s code could have changed this report.'));
  return lines.join('\n');
}

async function run({ github, context, core, reportDir }) {
  const run = context.payload.workflow_run;
  const prNumber = parsePrNumber(fs.readFileSync(path.join(reportDir, 'pr-number'), 'utf8'));
  const { data: pr } = await github.rest.pulls.get({ owner: context.repo.owner, repo: context.repo.repo, pull_number: prNumber });
  if (pr.head.sha !== run.head_sha) {
    throw new Error(`pull request #${prNumber} is at ${pr.head.sha}, but the graded commit is ${run.head_sha}: not commenting`);
  }

  let body;
  try {
    const report = validateReport(JSON.parse(fs.readFileSync(path.join(reportDir, 'report.json'), 'utf8')));
    body = renderComment(report, run.head_sha);
  } catch (error) {
    core.warning(`The grade report could not be read: ${error.message}`);
    body = `${MARKER}\n## Grade\n\nThe grader did not produce a valid report for this commit; see the Grade workflow's log.`;
  }

  const comments = await github.paginate(github.rest.issues.listComments, {
    owner: context.repo.owner, repo: context.repo.repo, issue_number: prNumber, per_page: 100,
  });
  const mine = comments.find((c) => c.user && c.user.type === 'Bot' && typeof c.body === 'string' && c.body.startsWith(MARKER));
  if (mine) {
    await github.rest.issues.updateComment({ owner: context.repo.owner, repo: context.repo.repo, comment_id: mine.id, body });
  } else {
    await github.rest.issues.createComment({ owner: context.repo.owner, repo: context.repo.repo, issue_number: prNumber, body });
  }
}

module.exports = { run, parsePrNumber, validateReport, renderComment, cell, MARKER };
