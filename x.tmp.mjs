import {unified} from 'unified'; import remarkParse from 'remark-parse'; import remarkGfm from 'remark-gfm';
const src = process.argv[2].replace(/\\n/g,'\n');
const tree = unified().use(remarkParse).use(remarkGfm).parse(src);
const show=(n,d=0)=>{console.log(' '.repeat(d)+n.type+(n.checked!=null?'['+n.checked+']':'')+' '+n.position.start.offset+'-'+n.position.end.offset+' '+JSON.stringify(src.slice(n.position.start.offset,n.position.end.offset))); (n.children||[]).forEach(c=>show(c,d+1));};
show(tree);
