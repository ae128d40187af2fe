import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
const nlp = winkNLP(model); const its = nlp.its;
const t = `He didn't go. "I can't," she said—won't!  Rock 'n' roll in the '90s… l'Europe; visit https://ex.com/a?b=1 😀 你好世界。 Zelensky’s ‘junta' \`\`so'' U.S. e-mail a@b.com #tag @user 1,000-for-1,000 $5.6 €5.2 gonna wanna\n\nNew para\tx  ​ y Dr. Smith.`;
const d = nlp.readDoc(t);
const v = d.tokens().out(its.value), ty = d.tokens().out(its.type), ps = d.tokens().out(its.precedingSpaces), n=d.tokens().out(its.normal), pos=d.tokens().out(its.pos);
console.log(v.map((x,i)=>JSON.stringify(ps[i])+JSON.stringify(x)+'/'+ty[i]+'/'+n[i]+'/'+pos[i]).join(' '));
console.log(d.sentences().out(nlp.its.span));
console.log(d.sentences().out());
