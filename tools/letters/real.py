#!/usr/bin/env python3
# The letter reader on real sample notices that regulators publish, kept
# outside the repository (their text is not ours to commit): a folder of
# NN-name.txt files and a labels.json (file, sender_name, data_types,
# offer.enroll_by, phishing), labelled by hand. Prints the figures first
# reported in the closing note of issue 23.
#   python3 tools/letters/real.py /path/to/letters_real/
# The 18 letters of 2026-12-03 came from the Vermont and Iowa attorneys
# general's filings, as extracted to text in the public repository
# rachrich765/SI_485_PRC (Julie/state_csv/vermont.csv, iowa.csv).
# Development sets from the same files, other rows, labelled the same way:
# /work/research/letters_dev (26, 2026-12-03) and letters_dev2 (30,
# 2026-12-04); the rules are tuned on those, the 18 are kept back.
# A fresh held-out set of 30 (/work/research/letters_fresh, 2026-12-04):
# delaware.csv rows and the last quarter of vermont.csv and iowa.csv of the
# same snapshot (c42930a), labelled before any tool ran on them.
import json,subprocess,re,sys,os
d=sys.argv[1] if len(sys.argv)>1 else '/work/research/letters_real/'
d=d.rstrip('/')+'/'
root=os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
labels=json.load(open(d+'labels.json'))
def sq(s): return re.sub(r'[^0-9a-z]','',(s or '').lower())
orgs={o['id']:o for o in json.load(open(root+'/static/data/organizations.json'))['organizations']}
n=len(labels); sok=0; tp=fp=fn=0; dl=dok=0; flagged=0; miss=[]
for l in labels:
    out=json.loads(subprocess.run([os.environ.get('EXPOSURE', root+'/target/debug/exposure'),'read-letter','--json','--show-code',d+l['file']],capture_output=True,text=True).stdout)
    s=out.get('sender') or {}
    names=[s.get('name','')]
    if s.get('org_id'):
        o=orgs.get(s['org_id']) or {'name':s['org_id'][2:].replace('-',' ')}; names.append(o['name']); names+= [a['name'] for a in o.get('aliases',[])]
    want=sq(l['sender_name'])
    ok=any(sq(x) and (sq(x) in want or want in sq(x)) for x in names)
    sok+=ok
    if not ok: miss.append(f"{l['file']}: sender {s} want {l['sender_name']}")
    W=set(l['data_types']); H=set(out.get('data_types',[]))
    tp+=len(W&H); fp+=len(H-W); fn+=len(W-H)
    if W!=H: miss.append(f"{l['file']}: types extra {sorted(H-W)} missing {sorted(W-H)}")
    we=(l.get('offer') or {}).get('enroll_by'); he=(out.get('offer') or {}).get('enroll_by')
    if we or he:
        dl+=1; dok+= (we==he)
        if we!=he: miss.append(f"{l['file']}: deadline {he} want {we}")
    if out.get('phishing') and any(p!='urgent_threat' for p in out['phishing']): flagged+=1; miss.append(f"{l['file']}: flagged {out['phishing']}")
P=tp/max(1,tp+fp); R=tp/max(1,tp+fn); F=2*P*R/max(1e-9,P+R)
for m in miss: print(' ',m)
print(f"real letters {n}: sender {sok}/{n} ({100*sok/n:.1f} %), data types P {P:.3f} R {R:.3f} F1 {F:.3f}, deadline {dok}/{dl}, genuine flagged {flagged}")
