# Prints the normalized listing of a file as CPython 3.11 compiles it;
# the compiler tests compare it with Krait's (`tests::normalized`).
# Regenerate an expectation: python3.11 pydump.py name.py > name.expected
import dis, sys
def norm_code(co, out):
    instrs=[i for i in dis.get_instructions(co, show_caches=False) if i.opname not in ('PRECALL','CACHE','EXTENDED_ARG')]
    idx={i.offset:n for n,i in enumerate(instrs)}
    offs=sorted(idx)
    def at_or_after(o):
        for x in offs:
            if x>=o: return idx[x]
        return len(instrs)
    pos=list(co.co_positions())
    out.append(f"== {co.co_qualname} args={co.co_argcount} flags={co.co_flags&0x3ff} first={co.co_firstlineno} names={list(co.co_varnames)+[c for c in co.co_cellvars if c not in co.co_varnames]+list(co.co_freevars)} stack={co.co_stacksize}")
    for n,i in enumerate(instrs):
        name=i.opname.replace('POP_JUMP_FORWARD_IF','POP_JUMP_IF').replace('POP_JUMP_BACKWARD_IF','POP_JUMP_IF')
        if i.opcode in dis.hasjrel or i.opcode in dis.hasjabs:
            arg=f"->{at_or_after(i.argval)}"
        elif i.opname=='LOAD_CONST':
            arg = f"code:{i.argval.co_name}" if hasattr(i.argval,'co_code') else repr(i.argval)
        elif i.opname=='LOAD_GLOBAL':
            arg=("NULL+" if i.arg&1 else "")+i.argval
        elif i.opname=='KW_NAMES':
            arg=repr(co.co_consts[i.arg])
        elif i.arg is not None and isinstance(i.argval,str):
            arg=i.argval
        elif i.arg is not None:
            arg=str(i.arg)
        else: arg=''
        line=pos[i.offset//2][0]
        out.append(f"{n:3} {line if line is not None else 0:3} {name} {arg}".rstrip())
    for e in dis._parse_exception_table(co):
        out.append(f"  EXC {idx[e.start]}..{at_or_after(e.end)} -> {idx[e.target]} [{e.depth}]{' lasti' if e.lasti else ''}")
    for c in co.co_consts:
        if hasattr(c,'co_code'): norm_code(c,out)
out=[]
norm_code(compile(open(sys.argv[1]).read(), sys.argv[1], 'exec'), out)
print('\n'.join(out))
