/** @jsxRuntime automatic @jsxImportSource hono/jsx */
/** The page frame: skip link, navigation, main landmark, the stylesheet and the small script. */
import { type Child, createContext, type FC, useContext } from 'hono/jsx';

/** The dashboard's sections, for the navigation. */
export type Section = 'requests' | 'customers' | 'payments' | 'merchants' | 'faults' | 'none';

export interface LayoutProps {
  readonly base: string;
  readonly title: string;
  readonly section: Section;
  readonly children?: Child;
}

/** `base` + `path`, with exactly one slash between them. */
export function href(base: string, path = ''): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return `${root}${path.startsWith('/') ? path.slice(1) : path}`;
}

const NAV: readonly { readonly section: Section; readonly label: string; readonly path: string }[] =
  [
    { section: 'requests', label: 'Requests', path: '' },
    { section: 'customers', label: 'Customers', path: 'customers' },
    { section: 'payments', label: 'Payments', path: 'payments' },
    { section: 'merchants', label: 'Merchants', path: 'merchants' },
    { section: 'faults', label: 'Faults', path: 'faults' },
  ];

/** A link of the embedder's (`dashboard.links`), after the dashboard's own sections. */
export interface DashboardLink {
  readonly label: string;
  readonly href: string;
}

/** The embedder's links, provided once per page by the routes. */
export const ExtraLinks = createContext<readonly DashboardLink[]>([]);

export const Layout: FC<LayoutProps> = ({ base, title, section, children }) => {
  const links = useContext(ExtraLinks);
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · wallet sandbox`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href={href(base, 'assets/dashboard.css')} />
        <script src={href(base, 'assets/dashboard.js')} defer />
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="top">
          <a class="brand" href={href(base)}>
            wallet sandbox
          </a>
          <nav aria-label="Dashboard">
            <ul>
              {NAV.map((item) => (
                <li>
                  <a
                    href={href(base, item.path)}
                    aria-current={item.section === section ? 'page' : undefined}
                  >
                    {item.label}
                  </a>
                </li>
              ))}
              {links.map((link) => (
                <li>
                  <a href={link.href}>{link.label}</a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main">{children}</main>
      </body>
    </html>
  );
};
