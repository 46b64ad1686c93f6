package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/controlgraph/controlgraph/crosswalk"
	"github.com/controlgraph/controlgraph/internal/codec"
)

// RecommendResult is the answer to "which controls should be implemented next":
// the result of [crosswalk.Crosswalk.Recommend] with the frameworks and the
// coverage policy it was computed for. It is also its JSON contract
// ([RecommendJSON]).
type RecommendResult struct {
	Baseline        string                     `json:"baseline"`        // the framework the assessment rates
	Target          string                     `json:"target"`          // the framework measured
	Policy          string                     `json:"policy"`          // the policy's name, as [crosswalk.ParsePolicy] reads it
	Recommendations []crosswalk.Recommendation `json:"recommendations"` // best first; never null
}

// RecommendJSON writes the result as the CLI's JSON contract, indented, ending
// with a newline; no recommendation is an empty list.
func RecommendJSON(w io.Writer, r *RecommendResult) error {
	if r == nil {
		return errNil("recommend result")
	}
	doc := *r
	if doc.Recommendations == nil {
		doc.Recommendations = []crosswalk.Recommendation{}
	}
	if err := codec.Encode(w, doc); err != nil {
		return fmt.Errorf("report: recommendations as JSON: %w", err)
	}
	return nil
}

// recommendGrid is the table of every form: rank, control, status, gain (the items
// that move up), title and the moves ("DE.CM-01 gap → covered; ...").
func recommendGrid(r *RecommendResult) *Grid {
	g := cliGrid(4, "rank", "control", "status", "gain", "title", "moves").Wrap(5)
	for i, rec := range r.Recommendations {
		g.Add(strconv.Itoa(i+1), rec.Control, rec.Status.String(), strconv.Itoa(rec.Gain), rec.Title, strings.Join(moveLabels(rec.Moves), "; "))
	}
	return g
}

// RecommendCSV writes one row per recommendation under the header
// rank,control,status,gain,title,moves; the moves are joined by "; ".
func RecommendCSV(w io.Writer, r *RecommendResult) error {
	if r == nil {
		return errNil("recommend result")
	}
	return recommendGrid(r).WriteCSV(w)
}

// RecommendTable writes a heading naming the frameworks, the policy and the
// count, then the recommendations as a table fitting opts.Width, or a line saying
// no control not yet implemented would move an item up.
func RecommendTable(w io.Writer, r *RecommendResult, opts Options) error {
	return writeRecommend(w, r, opts, false)
}

// RecommendMarkdown writes the result of [RecommendTable] as Markdown: the heading
// as a level-2 heading, the recommendations as a table.
func RecommendMarkdown(w io.Writer, r *RecommendResult) error {
	return writeRecommend(w, r, Options{}, true)
}

// RenderRecommend writes the result in format f: [RecommendTable],
// [RecommendJSON], [RecommendCSV] or [RecommendMarkdown].
func RenderRecommend(w io.Writer, r *RecommendResult, f Format, opts Options) error {
	switch f {
	case Table:
		return RecommendTable(w, r, opts)
	case JSON:
		return RecommendJSON(w, r)
	case CSV:
		return RecommendCSV(w, r)
	case Markdown:
		return RecommendMarkdown(w, r)
	}
	return unsupported("recommend result", f)
}

func writeRecommend(w io.Writer, r *RecommendResult, opts Options, asMD bool) error {
	if r == nil {
		return errNil("recommend result")
	}
	heading := fmt.Sprintf("Next controls of %s for %s (policy %s): %d", r.Baseline, r.Target, r.Policy, len(r.Recommendations))
	if asMD {
		heading = "## " + heading + "\n"
	}
	if _, err := fmt.Fprintln(w, heading); err != nil {
		return err
	}
	if len(r.Recommendations) == 0 {
		_, err := fmt.Fprintln(w, "No control not yet implemented would move an item up.")
		return err
	}
	if asMD {
		if err := recommendGrid(r).WriteMarkdown(w); err != nil {
			return err
		}
		_, err := fmt.Fprintf(w, "\n%s\n", md(recLegend(r.Recommendations)))
		return err
	}
	if err := recommendGrid(r).WriteText(w, opts.Width); err != nil {
		return err
	}
	t := newTableWriter(w)
	t.f("\n")
	t.para(opts.Width, "", "", recLegend(r.Recommendations))
	return t.flush()
}

// recLegend says how to read a table of recommendations, under every such table:
// each row assumes the rows above it implemented (the choice is greedy), and what
// GAIN counts, naming the weights when some moved item weighs more than 1 (a CIS
// safeguard of IG1 or IG2).
func recLegend(recs []crosswalk.Recommendation) string {
	weighted := false
	for _, r := range recs {
		for _, m := range r.Moves {
			weighted = weighted || m.Weight > 1
		}
	}
	s := "Cumulative: each row assumes the controls of the rows above it are implemented. " +
		"Gain: the levels its items move (gap → partial 1, partial → covered 1, gap → covered 2)"
	if weighted {
		s += ", each times the item's weight (a CIS safeguard of IG1 3, of IG2 2, of IG3 1)"
	}
	return s + "."
}

// postureRecLegend says how to read the posture's recommendations: cumulative as
// [recLegend] says, and its gain unweighted over every target.
const postureRecLegend = "Cumulative: each row assumes the controls of the rows above it are implemented. " +
	"Gain: the levels the items of every target move (gap → partial 1, partial → covered 1, gap → covered 2), " +
	"every item weighing 1 (unlike gap and recommend, no CIS implementation group weighs more); " +
	"moves: the number of items moved up, per target."
