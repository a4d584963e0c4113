package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Completion scripts: each asks the tool itself for candidates through the
// hidden __complete command, so they never go stale.
const (
	bashCompletion = `# bash completion for clerk; load with: source <(clerk completion bash)
_clerk() {
  local cur=${COMP_WORDS[COMP_CWORD]}
  COMPREPLY=($(compgen -W "$(clerk __complete "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null)" -- "$cur"))
}
complete -o default -F _clerk clerk
`
	zshCompletion = `#compdef clerk
# zsh completion for clerk; load with: source <(clerk completion zsh)
_clerk() {
  local -a candidates
  candidates=(${(f)"$(clerk __complete "${(@)words[2,CURRENT]}" 2>/dev/null)"})
  compadd -a candidates
}
compdef _clerk clerk
`
	fishCompletion = `# fish completion for clerk; load with: clerk completion fish | source
complete -c clerk -f -a '(clerk __complete (commandline -opc)[2..-1] (commandline -ct) 2>/dev/null)'
`
)

func completionScript(a *app, args []string) error {
	pos, err := a.parse(a.flags(), args, "bash|zsh|fish")
	if err != nil {
		return err
	}
	scripts := map[string]string{"bash": bashCompletion, "zsh": zshCompletion, "fish": fishCompletion}
	s, ok := scripts[pos[0]]
	if !ok {
		return usagef("completion %q: want bash, zsh or fish", pos[0])
	}
	_, err = io.WriteString(a.stdout, s)
	return err
}

// complete prints the candidates for the last of words (the word being
// typed, maybe empty), one per line.
func complete(a *app, table map[string]command, words []string) {
	if len(words) == 0 {
		words = []string{""}
	}
	cur, before := words[len(words)-1], words[:len(words)-1]
	var cmdWords []string
	for _, w := range before {
		if !strings.HasPrefix(w, "-") {
			cmdWords = append(cmdWords, w)
		}
	}
	var out []string
	switch {
	case strings.HasPrefix(cur, "-"):
		out = commandFlags(table, cmdWords)
	case len(cmdWords) == 0:
		out = firstWords(table)
	case len(cmdWords) == 1 && cmdWords[0] == "completion":
		out = []string{"bash", "zsh", "fish"}
	case len(cmdWords) == 1 && cmdWords[0] == "help":
		out = firstWords(table)
	case len(cmdWords) == 1 && hasGroup(table, cmdWords[0]):
		for _, n := range sortedNames(table, cmdWords[0]+" ") {
			out = append(out, strings.TrimPrefix(n, cmdWords[0]+" "))
		}
	}
	for _, c := range out {
		if strings.HasPrefix(c, cur) {
			fmt.Fprintln(a.stdout, c)
		}
	}
}

// firstWords are the groups and lone commands.
func firstWords(table map[string]command) []string {
	seen := map[string]bool{"help": true}
	for k := range table {
		first, _, _ := strings.Cut(k, " ")
		seen[first] = true
	}
	out := make([]string, 0, len(seen))
	for w := range seen {
		out = append(out, w)
	}
	sort.Strings(out)
	return out
}

// commandFlags lists the flags of the command named by words (the global
// ones when it names none), by running it in flag-listing mode.
func commandFlags(table map[string]command, words []string) []string {
	name := strings.Join(words[:min(len(words), 2)], " ")
	cmd, ok := table[name]
	if !ok && len(words) > 0 {
		cmd, ok = table[words[0]]
		name = words[0]
	}
	var b strings.Builder
	sub := newApp(context.Background(), strings.NewReader(""), &b, io.Discard, func(string) string { return "" })
	if !ok {
		fs := flag.NewFlagSet("", flag.ContinueOnError)
		sub.commonFlags(fs)
		fs.Bool("version", false, "")
		fs.VisitAll(func(f *flag.Flag) { fmt.Fprintln(&b, "--"+f.Name) })
	} else {
		sub.name, sub.listFlags = name, true
		_ = cmd.run(sub, nil)
	}
	return strings.Fields(b.String())
}
