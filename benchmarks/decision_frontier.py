"""Oracle scan of decision rules over a verdict bench's predictions.jsonl (numpy; analysis only).

Usage: python3 benchmarks/decision_frontier.py target/bench/NAME/predictions.jsonl

Adds an offset to each grade's calibrated log-probability (the first grade fixed at 0, the others from -1.5 to +1.5
in steps of 0.05) and scores every rule by accuracy and macro-F1 over the same items. The rule is chosen on the items
it is scored on, so the figures bound what any such rule could do; they are not results.

It also scores every rule by its expected accuracy and expected macro-F1 under the calibrated probabilities (each
item of grade c with probability p(c); per grade F1 = 2 E[TP] / (2 E[TP] + E[FP] + E[FN]), as
VerdictFit.MacroF1Rule.Estimate.EXPECTED): what the model itself says such a rule would score, read without a gold
grade. Where the model is calibrated, this separates what the model supports from what the scored sample's noise
happens to allow.
"""
import json
import sys

import numpy as np


def scores(pred, gold, k):
    f1 = []
    for c in range(k):
        tp = np.sum((pred == c) & (gold == c))
        fp = np.sum((pred == c) & (gold != c))
        fn = np.sum((pred != c) & (gold == c))
        f1.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return float(np.mean(pred == gold)), float(np.mean(f1))


def expected_scores(pred, p):
    f1 = []
    for c in range(p.shape[1]):
        named = pred == c
        tp = p[named, c].sum()
        fp = (1 - p[named, c]).sum()
        fn = p[~named, c].sum()
        f1.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return float(p[np.arange(len(pred)), pred].mean()), float(np.mean(f1))


def main(path, accuracy_target=0.55, macro_f1_target=0.45):
    rows = [json.loads(line) for line in open(path)]
    grades = list(rows[0]["probabilities"].keys())
    logp = np.log(np.clip([[r["probabilities"][g] for g in grades] for r in rows], 1e-12, 1))
    gold = np.array([grades.index(r["gold"]) for r in rows])
    k = len(grades)
    steps = np.round(np.arange(-1.5, 1.5001, 0.05), 2)
    probs = np.exp(logp)
    best_acc, best_f1, best_joint = (0, None), (0, None), (0, None, None)
    exp_f1, exp_joint = (0, None, None), (0, None, None)
    for offsets in np.array(np.meshgrid(*[steps] * (k - 1), indexing="ij")).reshape(k - 1, -1).T:
        off = np.concatenate([[0.0], offsets])
        pred = (logp + off).argmax(1)
        acc, f1 = scores(pred, gold, k)
        best_acc = max(best_acc, (acc, tuple(float(v) for v in off)))
        best_f1 = max(best_f1, (f1, tuple(float(v) for v in off)))
        if acc >= accuracy_target and f1 > best_joint[0]:
            best_joint = (f1, acc, tuple(float(v) for v in off))
        e_acc, e_f1 = expected_scores(pred, probs)
        exp_f1 = max(exp_f1, (e_f1, e_acc, tuple(float(v) for v in off)))
        if e_acc >= accuracy_target and e_f1 > exp_joint[0]:
            exp_joint = (e_f1, e_acc, tuple(float(v) for v in off))
    print("grades", grades)
    print("argmax: accuracy %.4f macro-F1 %.4f" % scores(logp.argmax(1), gold, k))
    print("best accuracy of any rule %.4f (offsets %s)" % best_acc)
    print("best macro-F1 of any rule %.4f (offsets %s)" % best_f1)
    if best_joint[1] is None:
        print("no rule reaches accuracy %.2f" % accuracy_target)
    else:
        print("best macro-F1 with accuracy >= %.2f: %.4f (accuracy %.4f, offsets %s)" % (accuracy_target, *best_joint))
    print("expected under the calibrated probabilities (no gold read):")
    print("  argmax: accuracy %.4f macro-F1 %.4f" % expected_scores(logp.argmax(1), probs))
    print("  best expected macro-F1 of any rule %.4f (expected accuracy %.4f, offsets %s)" % exp_f1)
    if exp_joint[1] is None:
        print("  no rule is expected to reach accuracy %.2f" % accuracy_target)
    else:
        print("  best expected macro-F1 with expected accuracy >= %.2f: %.4f (expected accuracy %.4f, offsets %s)"
              % (accuracy_target, *exp_joint))


if __name__ == "__main__":
    main(sys.argv[1])
